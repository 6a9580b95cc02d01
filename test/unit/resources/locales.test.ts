// Every English text has a Dutch one and vice versa, in the core file and in every feature's file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Texts = { [key: string]: string | Texts };

const dir = new URL('../../../resources/locales/', import.meta.url);
const read = (path: string): Texts => JSON.parse(readFileSync(new URL(path, dir), 'utf8')) as Texts;

const keysOf = (texts: Texts, prefix = ''): string[] =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

const features = readdirSync(new URL('features/', dir))
  .filter((name) => name.endsWith('.en.json'))
  .map((name) => name.replace(/\.en\.json$/, ''));

describe('locales', () => {
  it('has a Dutch text for every English one in the core texts', () => {
    expect(keysOf(read('nl.json')).sort()).toEqual(keysOf(read('en.json')).sort());
  });

  it.each(features)('has the same keys in English and Dutch for %s', (feature) => {
    const en = read(`features/${feature}.en.json`);
    const nl = read(`features/${feature}.nl.json`);
    expect(Object.keys(en)).toEqual([feature]);
    expect(keysOf(nl).sort()).toEqual(keysOf(en).sort());
  });

  it('never gives two features the same top-level key as the core texts', () => {
    const core = new Set(Object.keys(read('en.json')));
    for (const feature of features) expect(core.has(feature)).toBe(false);
  });
});
