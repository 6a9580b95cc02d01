// Kluis territory-share benchmark runner (issue 19): bundles bench/territory-share.ts (and the real client
// and server code it imports) with esbuild into dist/bench-territory-share/ and runs it. Asserts nothing: a
// missed target is reported and the exit code stays 0. Figures go to bench/results/territory-share-latest.json.
//
//   npm run bench:territory-share                          100,000 people, NORTH 5%, 3 runs
//   BENCH_PEOPLE=2000 BENCH_SHARE=0.1 BENCH_RUNS=1 npm run bench:territory-share
import { runBundled } from './bundle.mjs';

await runBundled('territory-share');
