// Kluis key-rotation benchmark runner: bundles bench/rotation.ts (and the real client and server code it
// imports) with esbuild into dist/bench-rotation/rotation.mjs and runs it (bench/bundle.mjs). The
// bundle also runs the server, in a worker thread of its own. It asserts nothing: a missed target is
// reported and the exit code stays 0. Figures go to bench/results/rotation-latest.json.
//
//   npm run bench:rotation                                   100,000 people, 3 rotations, SQLite and PostgreSQL
//   BENCH_PEOPLE=5000 BENCH_RUNS=1 BENCH_ADAPTERS=sqlite npm run bench:rotation
import { runBundled } from './bundle.mjs';

await runBundled('rotation');
