// The figures the Node benchmarks report: milliseconds to one decimal, medians and percentiles, and the
// results file with the machine they were measured on.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
