// Kluis load bench runner: bundles bench/load.ts (its worker threads run the same bundle) with esbuild and
// runs it. It asserts nothing: a missed target is printed and the exit code stays 0. Figures go to
// bench/results/load-latest.json, stamped with the commit.
//
//   npm run bench:load                                   1,000 devices, SQLite then PostgreSQL (2 servers)
//   BENCH_DEVICES=200 BENCH_RUNS=1 BENCH_SECONDS=20 BENCH_ADAPTERS=sqlite npm run bench:load
//   BENCH_WORKERS (4), BENCH_EDIT_EVERY_S (600: each device's mean time between edits, so 1.7 edits/s
//   for 1,000 devices; at 60 the SQLite server fell minutes behind, see README)
import { runBundled } from './bundle.mjs';

await runBundled('load');
