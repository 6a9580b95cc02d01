// Kluis sync benchmark runner: bundles bench/sync.ts (and the real client and server code it imports) with
// esbuild, as server/build.mjs does, into dist/bench-sync/sync.mjs and runs it. It asserts nothing: a
// missed target is reported and the exit code stays 0. Figures go to bench/results/sync-latest.json.
//
//   npm run bench:sync                                       100,000 people, 3 initial-sync runs, 50 edits
//   BENCH_PEOPLE=20000 BENCH_RUNS=1 BENCH_ADAPTERS=sqlite npm run bench:sync
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'bench-sync', 'sync.mjs');

await build({
  entryPoints: ['bench/sync.ts'],
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
