// What the privacy dashboard (issue 7) shows of the breach register: open incidents and their 72-hour
// clocks, ids and times only (dashboard-sources.ts).
import type { BreachClock, BreachesSummary } from '../dashboard/dashboard-sources';
import type { Session } from '../vault/session';
import { breachClock, deadlineOf, isClockRunning } from './clock';
import { BREACH, type BreachPayload } from './types';

/** The summary of decrypted breaches; open means not closed. */
export const summariseBreachRecords = (
  breaches: readonly { readonly id: string; readonly data: BreachPayload }[],
  now: number,
): BreachesSummary => {
  const open = breaches.filter((b) => b.data.closedAt === null);
  const urgent = (b: { data: BreachPayload }) => (isClockRunning(breachClock(b.data, now)) ? 0 : 1);
  const clocks: BreachClock[] = [...open]
    // Clocks that still demand action first, soonest deadline first; then the rest, newest first.
    .sort(
      (a, b) =>
        urgent(a) - urgent(b) ||
        (urgent(a) === 0 ? a.data.awareAt - b.data.awareAt : b.data.awareAt - a.data.awareAt) ||
        a.id.localeCompare(b.id),
    )
    .map((b) => ({
      id: b.id,
      title: b.data.title,
      awareAt: b.data.awareAt,
      deadlineAt: deadlineOf(b.data.awareAt),
      notifiedAt: b.data.notifiedAuthorityAt,
    }));
  return { open: open.length, clocks };
};

export const summariseBreaches = async (session: Session, now: number): Promise<BreachesSummary> => {
  const { records } = await session.compliance(BREACH).list();
  return summariseBreachRecords(records, now);
};
