// The server process paused (SIGSTOP) and resumed (SIGCONT) while devices push: requests wait and then
// finish; nothing is lost or doubled, and the streams bring every device up to date.
import { describe, it } from 'vitest';
import { runFaultLoop } from './loop';
import { expectSurvived } from './survived';

describe('the server paused and resumed', () => {
  it('keeps every acknowledged write exactly once over 20 pauses, and the devices converge', async () => {
    const outcome = await runFaultLoop('pause', { seed: 1603, faults: 20, timeLimitMs: 20_000 });
    expectSurvived(outcome, 5);
  }, 60_000);
});
