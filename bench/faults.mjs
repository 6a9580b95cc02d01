// Kluis fault-loop runner: bundles bench/faults.ts with esbuild and runs it. It asserts nothing; a loop
// that lost, doubled or diverged says FAILED. Figures go to bench/results/faults-latest.json.
//
//   npm run bench:faults                       200 kills, 200 dropped answers, 100 pauses, 200 cuts, 20 PG restarts
//   BENCH_KILLS=50 BENCH_FAULTS=kill,drop BENCH_FAULT_MINUTES=5 npm run bench:faults
//   BENCH_SEED (20261216) repeats a run.
import { runBundled } from './bundle.mjs';

await runBundled('faults');
