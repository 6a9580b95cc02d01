// The lost-device drill with territories (issue 19, point 2; shared/breach/drill.ts): the server lists
// what a device was served by sequence, which in an organisation with territories is more than the device
// could read — the filter held back other territories' documents, and a lying server's were dropped by the
// device. What the device could read is what its user held a key for: subjects of no territory, and of
// the territories that list the user among their key holders. Decided here, on the admin's device, from
// each subject's current key page (the admin's copy) and the territory definitions.
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import { listTerritories } from './definitions';
import { territoryOfPage } from './tags';

/** The exposed documents of subjects the user could read; everything when there are no territories. */
export const readableBy = async <D extends { collection: string; subjectId: string }>(
  session: Session,
  userId: string,
  documents: readonly D[],
): Promise<D[]> => {
  const territories = await listTerritories({ session });
  if (!territories.length) return [...documents];
  const held = new Set(
    territories
      .filter((t) => [...t.data.holders, ...t.data.members, ...t.data.managers].includes(userId))
      .map((t) => t.data.tag),
  );
  const subjectIds = [...new Set(documents.map((d) => d.subjectId).filter(Boolean))];
  const found = await session.db.records.findByIds(subjectIds).exec();
  const tagOf = new Map(
    [...found.values()].map((d) => [d.id, territoryOfPage((d.toJSON() as RecordDoc).keyId)]),
  );
  return documents.filter((d) => {
    const tag = d.subjectId ? tagOf.get(d.subjectId) : null;
    return tag === null || tag === undefined || held.has(tag);
  });
};
