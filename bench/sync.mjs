// Kluis sync benchmark runner: bundles bench/sync.ts (and the real client and server code it imports) with
// esbuild, as server/build.mjs does, into dist/bench-sync/sync.mjs and runs it. It asserts nothing: a
// missed target is reported and the exit code stays 0. Figures go to bench/results/sync-latest.json.
//
//   npm run bench:sync                                       100,000 people, 3 initial-sync runs, 50 edits
//   BENCH_PEOPLE=20000 BENCH_RUNS=1 BENCH_ADAPTERS=sqlite npm run bench:sync
import { runBundled } from './bundle.mjs';

await runBundled('sync');
