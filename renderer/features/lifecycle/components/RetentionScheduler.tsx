// Evaluates the retention rules in the background on an admin's device: a few seconds after unlock, so
// the first screen is not slowed, and then whenever a day has passed since the last run (checked hourly).
// Only admins run it: the review queue is a compliance file other roles neither read nor write.
import { useEffect } from 'react';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useVaultStore } from '../../vault/stores/vault-store';
import { useRetentionStore } from '../stores/retention-store';

const START_DELAY_MS = 5_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function RetentionScheduler() {
  const session = useVaultStore((s) => s.session);
  const phase = useVaultStore((s) => s.phase);
  const { role } = useCurrentUser();
  const run = useRetentionStore((s) => s.run);
  const admin = role === 'admin';
  useEffect(() => {
    if (!session || phase !== 'unlocked' || !admin) return;
    const runIfDue = () => {
      const last = useRetentionStore.getState().last;
      if (!last || Date.now() - last.at >= DAY_MS) void run(session);
    };
    const first = setTimeout(runIfDue, START_DELAY_MS);
    const daily = setInterval(runIfDue, CHECK_EVERY_MS);
    return () => {
      clearTimeout(first);
      clearInterval(daily);
    };
  }, [session, phase, admin, run]);
  return null;
}
