// PostgreSQL restarted (fast or as a crash) under load, on a temporary cluster of its own (the shared test
// cluster serves other tests and is never restarted): the server's pool and its LISTEN connection come
// back, nothing acknowledged is lost or doubled, and the streams bring every device up to date.
import { describe, it } from 'vitest';
import { clusterUnavailable } from '../../helpers/pg-cluster';
import { runFaultLoop } from './loop';
import { expectSurvived } from './survived';

const why = clusterUnavailable();

describe.skipIf(why !== null)(`PostgreSQL restarted under load${why ? ` (skipped: ${why})` : ''}`, () => {
  it('keeps every acknowledged write exactly once over 4 restarts, and the devices converge', async () => {
    const outcome = await runFaultLoop('postgres-restart', { seed: 1605, faults: 4, timeLimitMs: 20_000 });
    expectSurvived(outcome, 2);
  }, 60_000);
});
