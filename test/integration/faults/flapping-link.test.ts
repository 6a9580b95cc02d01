// A flapping link: a proxy cuts open connections at random (streams and requests alike) and refuses new
// ones for a moment, again and again. Devices reconnect and retry; nothing is lost or doubled.
import { describe, it } from 'vitest';
import { runFaultLoop } from './loop';
import { expectSurvived } from './survived';

describe('a flapping link', () => {
  it('keeps every acknowledged write exactly once over 30 cuts, and the devices converge', async () => {
    const outcome = await runFaultLoop('flap', { seed: 1604, faults: 30, timeLimitMs: 20_000 });
    expectSurvived(outcome, 5);
  }, 60_000);
});
