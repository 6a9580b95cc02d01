// Kluis import benchmark runner: bundles bench/import.ts (and the shared import core it measures) with
// esbuild, as bench/sync.mjs does, into dist/bench-import/import.mjs and runs it. It asserts nothing.
//
//   npm run bench:import                       100,000 rows, 3 runs
//   BENCH_ROWS=20000 BENCH_RUNS=1 npm run bench:import
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'bench-import', 'import.mjs');

await build({
  entryPoints: ['bench/import.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
});

await import(pathToFileURL(outfile).href);
