// Whether this device left out first arrivals (issue 19 bench, territory-share). When rules are first
// applied, every subject leaves an organisation-wide page for a territory: at 100,000 people some 200 move
// notes, all at version 1 (move.ts writes them as first-arrival notes, their territory in the id, tags.ts).
// A new device's first sync asks the server to leave out those into territories it does not hold, so it
// does not take in the whole organisation's; the sync client marks that here before that first pull.
// Such a device may then lack version 1 of a mark whose next move (version 2) it does receive, a subject
// coming into one of its territories: settling counts a mark with no accepted move as if version 1 were
// accepted, for the `ahead` rule only (move.ts compareMove, `unknownBase`). A note planted far ahead is
// still refused. The mark stays for the device's life, also once it took in what it left out
// (arrivals-recovery.ts, which keeps here how far it got): its first sync may still be leaving notes out
// then, and base 1 lets in only what a trusted admin device signed, which version 1 would not stop. A
// device whose first sync fell back to every note (an older server) keeps it too; it settles the same.
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';

const SKIPPED_ID = 'territory-first-arrivals-skipped';
interface Skipped {
  skipped: boolean;
  /** The settings checkpoint up to which first arrivals were taken in again (arrivals-recovery.ts). */
  through?: number;
  horizon?: number;
}
const NOT_SKIPPED: Skipped = { skipped: false };

/** Per session, whether this device left out first arrivals (it never changes back). */
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
  await changeLocalDoc<Skipped>(session, SKIPPED_ID, NOT_SKIPPED, (current) => ({
    ...current,
    skipped: true,
  }));
  known.set(session, true);
};

/** The version a mark with no accepted move counts as, for the `ahead` rule (move.ts compareMove). */
export const unknownBaseOf = async (session: Session): Promise<0 | 1> =>
  (await firstArrivalsSkipped(session)) ? 1 : 0;

/** The settings checkpoint up to which this device took first arrivals in again (0: not yet). */
export const arrivalsTakenThrough = async (session: Session): Promise<number> =>
  (await readLocalDoc<Partial<Skipped>>(session, SKIPPED_ID, NOT_SKIPPED)).through ?? 0;

/** The tombstone horizon the page that ended at `through` was read at (0: none known; PullQuery). */
export const arrivalsHorizon = async (session: Session): Promise<number> =>
  (await readLocalDoc<Partial<Skipped>>(session, SKIPPED_ID, NOT_SKIPPED)).horizon ?? 0;

/** Keeps how far the recovery took first arrivals in (it never goes back), with that page's horizon. */
export const noteArrivalsTakenThrough = async (
  session: Session,
  through: number,
  horizon = 0,
): Promise<void> => {
  await changeLocalDoc<Skipped>(session, SKIPPED_ID, NOT_SKIPPED, (current) =>
    through > (current.through ?? 0) ? { ...current, through, horizon } : current,
  );
};
