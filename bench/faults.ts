// Fault loops, long version (issue 16, part 6): the loops of test/integration/faults/ with many more faults
// — the server killed mid-push, responses dropped after commit, the server paused and resumed, a flapping
// link, PostgreSQL restarted under load — each bounded in count and time and seeded. Prints what each loop
// injected and what the checker found; asserts nothing. Run through bench/faults.mjs.
import os from 'node:os';
import { runFaultLoop, type FaultKind } from '../test/integration/faults/loop';
import { clusterUnavailable } from '../test/helpers/pg-cluster';
import { intEnv } from './env.mjs';
import { round, writeBenchResults } from './figures';

const seed = intEnv('BENCH_SEED', 20261216);
const minutes = intEnv('BENCH_FAULT_MINUTES', 10);
const loops: [FaultKind, number][] = [
  ['kill', intEnv('BENCH_KILLS', 200)],
  ['drop', intEnv('BENCH_DROPS', 200)],
  ['pause', intEnv('BENCH_PAUSES', 100)],
  ['flap', intEnv('BENCH_FLAPS', 200)],
  ['postgres-restart', intEnv('BENCH_PG_RESTARTS', 20)],
];
const only = process.env.BENCH_FAULTS?.split(',');

console.log(
  `Kluis fault loops — seed ${seed}, at most ${minutes} min each; load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (other jobs share this machine)`,
);
const results = [];
for (const [kind, faults] of loops) {
  if (only && !only.includes(kind)) continue;
  const why = kind === 'postgres-restart' ? clusterUnavailable() : null;
  if (why) {
    console.log(`${kind}: skipped — ${why}`);
    results.push({ kind, skipped: why });
    continue;
  }
  let tick = 0;
  const outcome = await runFaultLoop(kind, {
    seed,
    faults,
    timeLimitMs: minutes * 60_000,
    progress: (line) => {
      if (!line.startsWith(kind) || ++tick % 20 === 0) console.log(`  ${line}`);
    },
  });
  const { check, ...figures } = outcome;
  const summary = {
    ...figures,
    elapsedS: round(outcome.elapsedMs / 1000),
    acknowledged: check.stored - check.unexpected.length,
    stored: check.stored,
    lost: check.lost.length,
    duplicated: check.duplicated.length,
    unexpected: check.unexpected.length,
    survived:
      check.lost.length === 0 &&
      check.duplicated.length === 0 &&
      check.unexpected.length === 0 &&
      outcome.diverged === 0,
  };
  console.log(
    `${kind}: ${summary.faults} faults (${summary.faultsMidPush} mid-push) in ${summary.elapsedS} s, ${summary.edits} edits acknowledged; ` +
      `${summary.lost} lost, ${summary.duplicated} duplicated, ${summary.unexpected} unexpected, ${summary.diverged} devices diverged — ${summary.survived ? 'survived' : 'FAILED'}`,
  );
  results.push(summary);
}
await writeBenchResults('faults', {
  seed,
  minutesPerLoop: minutes,
  volumeFull: 'test/integration/faults/sqlite-full.test.ts (a single fill, not a loop)',
  results,
});
process.exit(0);
