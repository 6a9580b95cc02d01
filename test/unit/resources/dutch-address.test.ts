// The Dutch interface addresses its user as "je"/"jouw", never as the formal "u"/"uw": a screen that
// switches between the two reads as if two companies wrote it. ("u" after a number is "uur", as in
// "{{hours}} u {{minutes}} min".) Letters to the people whose data Kluis holds (the access report, the
// breach notice) are not in these files and stay formal.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Texts = { [key: string]: string | Texts };

const dir = new URL('../../../resources/locales/', import.meta.url);
const files = [
  'nl.json',
  ...readdirSync(new URL('features/', dir))
    .filter((name) => name.endsWith('.nl.json'))
    .map((name) => `features/${name}`),
];

const textsOf = (texts: Texts, prefix = ''): [string, string][] =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : textsOf(value, `${prefix}${key}.`),
  );

/** The formal words, outside "{{hours}} u" and "3 u" (hours). */
const formal = (text: string): string[] =>
  text.replace(/(\}\}|\d)\s+u\b/g, '$1 uur').match(/(?<![\p{L}\p{N}_-])(u|uw|uzelf)(?![\p{L}\p{N}_-])/giu) ??
  [];

describe('the Dutch interface', () => {
  it.each(files)('says je and jouw, not u and uw, in %s', (file) => {
    const texts = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Texts;
    const offending = textsOf(texts)
      .filter(([, text]) => formal(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it('tells the formal words from the hour and from words that merely contain them', () => {
    expect(formal('Met uw rol kunt u geen records verwijderen.')).toEqual(['uw', 'u']);
    expect(formal('U hoeft niet te antwoorden.')).toEqual(['U']);
    expect(formal('Nog {{hours}} u {{minutes}} min')).toEqual([]);
    expect(formal('uur, uit, nu, u-bocht, e-mail')).toEqual([]);
  });
});
