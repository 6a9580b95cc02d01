// The figures the Node benchmarks report: milliseconds to one decimal, medians and percentiles, and the
// results file with the machine they were measured on.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Milliseconds to one decimal. */
export const round = (ms: number) => Math.round(ms * 10) / 10;

export const median = (values: number[]): number => {
  if (!values.length) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
};

/** The p-th percentile, as measured (not rounded). */
export const percentile = (values: number[], p: number): number => {
  if (!values.length) return 0;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The machine the figures were measured on. */
export const machine = () => ({
  node: process.version,
  cpu: `${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}`,
});

/** Writes a results file (JSON, two-space indent) and says where. */
export const writeResults = async (file: string, results: object): Promise<void> => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
};

/** The commit measured; a working tree with uncommitted changes in the measured code says so. */
export const measuredCommit = (): string => {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'shared', 'server', 'bench/*.ts');
    return dirty ? `${head} (with uncommitted changes in shared/, server/ or bench/)` : head;
  } catch {
    return 'unknown';
  }
};

/**
 * Writes bench/results/<name>-latest.json stamped with the date, the commit measured, the machine and its
 * load average; `fields` follow. The bundles run from dist/bench-<name>/, two levels below the root.
 */
export const writeBenchResults = (name: string, fields: object): Promise<void> =>
  writeResults(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '..',
      '..',
      'bench',
      'results',
      `${name}-latest.json`,
    ),
    {
      date: new Date().toISOString(),
      commit: measuredCommit(),
      ...machine(),
      loadAverage: os.loadavg().map((l) => round(l)),
      ...fields,
    },
  );
