// Kluis import benchmark runner: bundles bench/import.ts (and the shared import core it measures) with
// esbuild into dist/bench-import/import.mjs and runs it (bench/bundle.mjs). It asserts nothing.
//
//   npm run bench:import                       100,000 rows, 3 runs
//   BENCH_ROWS=20000 BENCH_RUNS=1 npm run bench:import
import { runBundled } from './bundle.mjs';

await runBundled('import');
