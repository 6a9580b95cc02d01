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
});
