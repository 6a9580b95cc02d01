// The lost-device drill with territories (issue 19, point 2; shared/breach/drill.ts): the server lists
// what a device was served by sequence, which in an organisation with territories is more than the device
// could read — the filter held back other territories' documents, and a lying server's were dropped by the
// device. What the device could read is what its user held a key for when it was lost: subjects of no
// territory, and of the territories that named the user among their key holders at that time. Decided
// here, on the admin's device, as of the device's last sync (review T6: not by today's holders, so a user
// taken off a territory after losing the laptop still counts, and one added since does not): who held a
// territory when, from its definition (definitions.ts, heldSince and formerHolders), and where a subject
// was then, from its current key page read back through the move notes written since (move.ts).
// Only the notes that count on this device are history (signed-settings.ts): a member who holds the
// organisation key can store a move note, and one that said a subject had left the device's territory
// would hide that the device could read it. Each subject's moves are read back by version, as devices
// settle them (move.ts compareMove), not by time alone: two admins' clocks need not agree.
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import { listTerritories, type TerritorySetting } from './definitions';
import { subjectMark, TERRITORY_MOVE, type NoteRecord } from './move';
import { countingSettings } from './signed-settings';
import { territoryOfPage } from './tags';

/**
 * The move notes stored on this device that count here (signed by a trusted admin device, or legacy
 * notes unchanged), with their ids; notes that do not open are skipped.
 */
export const countingMoveNotes = async (session: Session): Promise<(NoteRecord & { id: string })[]> => {
  const { records } = await session.settings(TERRITORY_MOVE).list();
  return countingSettings(
    session,
    'territory-move',
    records.map((r) => ({ id: r.id, data: r.data })),
  );
};

/** A subject's move read back: its version (0 before versions), time, note id and the territory it left. */
interface PastMove {
  readonly v: number;
  readonly at: number;
  readonly id: string;
  readonly from: string | null;
}

/** Oldest first: by version, then time, then note id (the order compareMove settles them in). */
const older = (a: PastMove, b: PastMove): boolean =>
  a.v !== b.v ? a.v < b.v : a.at !== b.at ? a.at < b.at : a.id < b.id;

/** Whether the user held the territory's key at `at` (null: now). */
export const heldAt = (territory: TerritorySetting, userId: string, at: number | null): boolean => {
  const now = [...territory.holders, ...territory.members, ...territory.managers].includes(userId);
  if (at === null) return now;
  const since = territory.heldSince[userId];
  if (now && (since === undefined || since <= at)) return true;
  return territory.formerHolders.some(
    (f) => f.userId === userId && (f.from === null || f.from <= at) && at < f.until,
  );
};

/**
 * The exposed documents of subjects the user could read at `at` (the device's last sync; null: now);
 * everything when there are no territories.
 */
export const readableBy = async <D extends { collection: string; subjectId: string }>(
  session: Session,
  userId: string,
  documents: readonly D[],
  at: number | null = null,
): Promise<D[]> => {
  const territories = await listTerritories({ session });
  if (!territories.length) return [...documents];
  const held = new Set(territories.filter((t) => heldAt(t.data, userId, at)).map((t) => t.data.tag));
  const subjectIds = [...new Set(documents.map((d) => d.subjectId).filter(Boolean))];
  const found = await session.db.records.findByIds(subjectIds).exec();
  const tagOf = new Map<string, string | null>(
    [...found.values()].map((d) => [d.id, territoryOfPage((d.toJSON() as RecordDoc).keyId)]),
  );
  if (at !== null) {
    // Back through each subject's moves made after `at`, newest first, to where it was then: the
    // territory its oldest such move took it from.
    const later = (await countingMoveNotes(session)).filter((n) => n.data.at > at);
    if (later.length) {
      const byMark = new Map([...tagOf.keys()].map((id) => [subjectMark(session, id), id]));
      const first = new Map<string, PastMove>();
      for (const note of later)
        for (const moved of note.data.subjects) {
          const subjectId = byMark.get(moved.mark);
          if (subjectId === undefined) continue;
          const move = { v: moved.v ?? 0, at: note.data.at, id: note.id, from: moved.from };
          const known = first.get(subjectId);
          if (!known || older(move, known)) first.set(subjectId, move);
        }
      for (const [subjectId, move] of first) tagOf.set(subjectId, move.from);
    }
  }
  return documents.filter((d) => {
    const tag = d.subjectId ? tagOf.get(d.subjectId) : null;
    return tag === null || tag === undefined || held.has(tag);
  });
};
