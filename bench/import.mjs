// The import core's phases in Node: bundles bench/import.ts (and the shared import core it measures) with
// esbuild into dist/bench-import/import.mjs and runs it (bench/bundle.mjs). It asserts nothing. The whole
// import beside createMany is `npm run bench:import` (bench/run.mjs).
//
//   npm run bench:import-parse                       100,000 rows, 3 runs
//   BENCH_ROWS=20000 BENCH_RUNS=1 npm run bench:import-parse
import { runBundled } from './bundle.mjs';

await runBundled('import');
