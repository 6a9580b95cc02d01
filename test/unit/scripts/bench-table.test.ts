// The README's benchmark table is written by `npm run bench:table` from the benches' results files, so
// every figure in it is one a bench measured, beside its anchor, with the commit it measured.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchTable, readmeTable } from '../../../scripts/bench-table.mjs';

describe('README benchmark table', () => {
  it('is exactly what npm run bench:table writes from bench/results/*-latest.json', async () => {
    const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    const table = readmeTable(readme);
    expect(
      table,
      'README.md has no <!-- bench-table:start --> … <!-- bench-table:end --> markers',
    ).not.toBeNull();
    expect(table, 'README.md benchmark table is stale: run npm run bench:table').toBe(await benchTable());
  });

  it('shows each result beside its anchor with ratio, target, verdict and the commit it measured', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-table-'));
    try {
      mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
      writeFileSync(
        path.join(root, 'bench', 'results', 'import-latest.json'),
        JSON.stringify({
          commit: 'abc1234',
          sharedClean: false,
          rendererClean: true,
          loadAverage: { before: [3.25, 2, 1], after: [1, 1, 1] },
          config: { people: 10000 },
          targets: {
            ratio: { label: 'whole import ≤ 1.3x createMany', met: false },
            rssMB: { label: "renderer's resident memory < 1 GB", met: true },
          },
          summary: {
            importMs: 15_000,
            createManyMs: 10_000,
            ratio: 1.5,
            importRssPeakMB: 700,
            createManyRssPeakMB: 600,
          },
        }),
      );
      const table = await benchTable(root);
      const row = table.split('\n').find((line) => line.includes('Whole import, 10,000 people: file chosen'));
      expect(row?.split('|').map((cell) => cell.trim())).toEqual([
        '',
        'Whole import, 10,000 people: file chosen → everyone listed',
        '15.00 s',
        '`createMany` 10.00 s',
        '1.50x',
        'whole import ≤ 1.3x createMany',
        '**missed**',
        'abc1234+',
        '3.3',
        '',
      ]);
      expect(table).not.toContain('First sync'); // no results file, no row
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
