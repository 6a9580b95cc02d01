// Dates and times on screen go through the one formatter (shared/locale, useFormat): a bare
// toLocaleDateString in the interface language "en" reads "12/2/2026" for 2 December, the US way, and a
// screen that mixes it with the formatter shows one day in two formats.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../../..');

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });

describe('one formatter for dates', () => {
  it('leaves no date or time to toLocale…String in the interface', () => {
    const found = sources('renderer').flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          /\.toLocale(Date|Time)?String\(/.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  // A date handed to a text as a bare value shows as stored, "2027-01-03", beside the lists' "3 Jan 2027".
  it('hands every date to a text through the formatter, never as an ISO day', () => {
    // A file name keeps the ISO day on purpose: it sorts.
    const options = /\bt\(\s*[`'"]((?![^`'"]*fileName)[^`'"]+)[`'"]\s*,\s*\{([^{}]*)\}/g;
    const dated = /\b(date|until|from|to)\s*:\s*([^,]+)/g;
    const formatted =
      /\b(format\w*\.(date|dateTime|time)|format(Date|DateTime|Time|Day)|formatTime|stamp|date|when\.date)\(/;
    const found = sources('renderer').flatMap((path) =>
      [...readFileSync(join(ROOT, path), 'utf8').matchAll(options)].flatMap(([, , body]) =>
        [...body!.matchAll(dated)]
          .filter(([, , value]) => !formatted.test(value!))
          .map(([field]) => `${path}: ${field.replace(/\s+/g, ' ').trim()}`),
      ),
    );
    expect(found).toEqual([]);
  });
});
