// What the privacy dashboard shows of the breach register: open incidents and their 72-hour clocks, ids
// and times only.
import type { Session } from '../vault';
import { breachClock, deadlineOf, isClockRunning } from './clock';
import { BREACH, type BreachPayload } from './types';

export interface BreachClock {
  readonly id: string;
  /** A short title the admin gave the incident (no personal data by convention). */
  readonly title: string;
  /** When the company became aware (ms): the 72-hour clock of Art. 33(1) runs from here. */
  readonly awareAt: number;
  /** awareAt + 72 hours. */
  readonly deadlineAt: number;
  /** When the authority was notified, or null. */
  readonly notifiedAt: number | null;
}

export interface BreachesSummary {
  readonly open: number;
  /** Open breaches, most urgent first. */
  readonly clocks: readonly BreachClock[];
}

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
