// The lost-device drill with territories (issue 19, point 2; shared/breach/drill.ts): the server lists
// what a device was served by sequence, which in an organisation with territories is more than the device
// could read — the filter held back other territories' documents, and a lying server's were dropped by the
// device. What the device could read is what its user held a key for when it was lost: subjects of no
// territory, and of the territories that named the user among their key holders at that time. Decided
// here, on the admin's device, as of the device's last sync (review T6: not by today's holders, so a user
// taken off a territory after losing the laptop still counts, and one added since does not): who held a
// territory when, from its definition (definitions.ts, heldSince and formerHolders), and where a subject
// was then, from its current key page read back through the move notes written since (move.ts).
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import { listTerritories, type TerritorySetting } from './definitions';
import { moveNotes, subjectMark } from './move';
import { territoryOfPage } from './tags';

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
    // Back through the moves made after `at`, newest first: where each subject was then.
    const later = (await moveNotes(session)).filter((n) => n.at > at).reverse();
    if (later.length) {
      const byMark = new Map([...tagOf.keys()].map((id) => [subjectMark(session, id), id]));
      for (const note of later)
        for (const moved of note.subjects) {
          const id = byMark.get(moved.mark);
          if (id !== undefined) tagOf.set(id, moved.from);
        }
    }
  }
  return documents.filter((d) => {
    const tag = d.subjectId ? tagOf.get(d.subjectId) : null;
    return tag === null || tag === undefined || held.has(tag);
  });
};
