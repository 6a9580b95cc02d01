// Whether this device left out first arrivals (issue 19 bench, territory-share). When rules are first
// applied, every subject leaves an organisation-wide page for a territory: at 100,000 people some 200 move
// notes, all at version 1 (move.ts writes them as first-arrival notes, their territory in the id, tags.ts).
// A new device's first sync asks the server to leave out those into territories it does not hold, so it
// does not take in the whole organisation's; the sync client marks that here before that first pull.
// Such a device may then lack version 1 of a mark whose next move (version 2) it does receive, a subject
// coming into one of its territories: settling counts a mark with no accepted move as if version 1 were
// accepted, for the `ahead` rule only (move.ts compareMove, `unknownBase`). A note planted far ahead is
// still refused; a device that took every note in settles as before (base 0).
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';

const SKIPPED_ID = 'territory-first-arrivals-skipped';
interface Skipped {
  skipped: boolean;
}
const NOT_SKIPPED: Skipped = { skipped: false };

/** Per session, whether this device left out first arrivals (it does not change back). */
const known = new WeakMap<Session, boolean>();

/**
 * Whether this device left out first-arrival notes in its first sync. A document that does not open reads
 * as not skipped: the stricter base, so a planted note is never taken for that.
 */
export const firstArrivalsSkipped = async (session: Session): Promise<boolean> => {
  const cached = known.get(session);
  if (cached !== undefined) return cached;
  const skipped = (await readLocalDoc<Partial<Skipped>>(session, SKIPPED_ID, NOT_SKIPPED)).skipped === true;
  known.set(session, skipped);
  return skipped;
};

/** Notes that this device leaves out first-arrival notes (before the pull that asks for it); idempotent. */
export const markFirstArrivalsSkipped = async (session: Session): Promise<void> => {
  if (await firstArrivalsSkipped(session)) return;
  await changeLocalDoc<Skipped>(session, SKIPPED_ID, NOT_SKIPPED, () => ({ skipped: true }));
  known.set(session, true);
};

/** The version a mark with no accepted move counts as, for the `ahead` rule (move.ts compareMove). */
export const unknownBaseOf = async (session: Session): Promise<0 | 1> =>
  (await firstArrivalsSkipped(session)) ? 1 : 0;

/**
 * Notes that this device has taken in every first arrival it left out (arrivals-recovery.ts): it settles
 * with the stricter base again.
 */
export const firstArrivalsTaken = async (session: Session): Promise<void> => {
  await changeLocalDoc<Skipped>(session, SKIPPED_ID, NOT_SKIPPED, () => NOT_SKIPPED);
  known.set(session, false);
};
