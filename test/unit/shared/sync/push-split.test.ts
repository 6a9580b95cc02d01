import { describe, expect, it } from 'vitest';
import { splitBySize } from '../../../../shared/sync';

describe('splitting a push by size', () => {
  it('keeps every row, in order, in parts under the limit', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, payload: 'x'.repeat(90) }));
    const parts = splitBySize(rows, 1000);
    expect(parts.flatMap((part) => JSON.parse(part) as unknown[])).toEqual(rows);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1000);
    expect(parts.length).toBeGreaterThan(1);
  });

  it('counts text outside ASCII at its largest UTF-8 size', () => {
    const rows = [{ name: 'Zoë'.repeat(100) }, { name: 'Zoë'.repeat(100) }];
    const parts = splitBySize(rows, 1000);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(1000);
  });

  it('sends a single row that is larger than the limit on its own', () => {
    expect(splitBySize([{ a: 'y'.repeat(50) }, { b: 1 }], 20)).toEqual([
      `[{"a":"${'y'.repeat(50)}"}]`,
      '[{"b":1}]',
    ]);
  });
});
