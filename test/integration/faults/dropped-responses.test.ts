// Responses dropped after the server handled the request (a proxy forwards the request and cuts the
// connection as the answer begins): the device retries, the server takes the retry as the write it
// already has, and nothing is lost or doubled.
import { describe, it } from 'vitest';
import { runFaultLoop } from './loop';
import { expectSurvived } from './survived';

describe('responses dropped after commit', () => {
  it('keeps every acknowledged write exactly once over 40 dropped answers, and the devices converge', async () => {
    const outcome = await runFaultLoop('drop', { seed: 1602, faults: 40, timeLimitMs: 25_000 });
    expectSurvived(outcome, 10);
  }, 60_000);
});
