// Kluis first-sync benchmark runner: bundles bench/first-sync.ts (the real server, the seeding through the
// real encryption, pouchdb-server for the anchor) with esbuild and runs it; the pages it drives in Chromium
// are built first by `vite build --config bench/vite.first-sync.config.ts` (npm run bench:first-sync does
// both). It asserts nothing: a missed target is printed and the exit code stays 0. Figures go to
// bench/results/first-sync-latest.json (another BENCH_PEOPLE than 10,000: first-sync-<N>-latest.json),
// stamped with the commit and the load average.
//
//   npm run bench:first-sync                          10,000 people, 3 runs of each side
//   BENCH_PEOPLE=100000 BENCH_RUNS=1 npm run bench:first-sync
import { runBundled } from './bundle.mjs';

await runBundled('first-sync');
