// Kluis key-rotation benchmark runner: bundles bench/rotation.ts (and the real client and server code it
// imports) with esbuild, as bench/sync.mjs does, into dist/bench-rotation/rotation.mjs and runs it. The
// bundle also runs the server, in a worker thread of its own. It asserts nothing: a missed target is
// reported and the exit code stays 0. Figures go to bench/results/rotation-latest.json.
//
//   npm run bench:rotation                                   100,000 people, 3 rotations, SQLite and PostgreSQL
//   BENCH_PEOPLE=5000 BENCH_RUNS=1 BENCH_ADAPTERS=sqlite npm run bench:rotation
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist', 'bench-rotation', 'rotation.mjs');

await build({
  entryPoints: ['bench/rotation.ts'],
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
