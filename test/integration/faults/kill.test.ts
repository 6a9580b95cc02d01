// The server process killed (SIGKILL) in the middle of pushes and started again on the same data
// directory, again and again: no acknowledged write lost or doubled, every device converged.
import { describe, it } from 'vitest';
import { runFaultLoop } from './loop';
import { expectSurvived } from './survived';

describe('the server killed mid-push', () => {
  it('keeps every acknowledged write exactly once over 20 kills and restarts, and the devices converge', async () => {
    const outcome = await runFaultLoop('kill', { seed: 1601, faults: 20, timeLimitMs: 25_000 });
    expectSurvived(outcome, 5);
  }, 60_000);
});
