// The steps of a subject's move between key pages (move.ts), and the repair of a move a stop broke off
// (README known gap, closed here): a step of applying the rules writes the move note, the subject's new
// key page, then re-seals its items and records for the new page one subject at a time, and last drops
// it from its former page. A step stopped in between leaves the subject in two pages (the former one
// still wrapping its data key), and possibly some of its records under the former page. The subject's
// profile record says where it belongs: finishInterruptedMoves re-seals what is left under another page
// for the profile's page and drops the subject from every other page, so the former territory's devices
// stop receiving its key. A subject whose profile was not re-sealed yet is moved again by the next apply
// (its note's next version); the page that step made is then one of the other pages, and cleared here.
// The page kept is one of the territory the subject's latest accepted move went to (move.ts latestMoves),
// never merely the profile's: the server can send an admin's device a former page that still wraps the
// subject together with the profile as it was sealed for that page (both the device's own documents,
// replayed), and the finish would then re-seal the subject for the territory it left and drop it from the
// one it belongs to, with no move note (helper-92's review). No accepted move to a territory among its
// pages: the subject is left as it is.
import type { RxCollection } from 'rxdb';
import type { KeyDoc, KluisDatabase, RecordDoc } from '../store';
import { keyPageEntries, recordAddress } from '../store';
import type { Session } from '../vault';
import { territoryOfPage } from './tags';

/** Re-seals the documents (of one subject, under `key`) for the key page `pageId`. */
export const resealAll = async (
  session: Session,
  collection: RxCollection<RecordDoc>,
  name: 'records' | 'items',
  docs: readonly RecordDoc[],
  key: Uint8Array,
  pageId: string,
): Promise<void> => {
  if (!docs.length) return;
  const { cipher } = session;
  await collection.bulkUpsert(
    docs.map((doc) => {
      const value = cipher.openJson(doc.payload, key, recordAddress(doc.id, doc.subjectId, doc.keyId, name));
      const payload = cipher.sealJson(value, key, recordAddress(doc.id, doc.subjectId, pageId, name));
      return { ...doc, keyId: pageId, payload };
    }),
  );
};

/** Drops the subjects' entries from the pages; a page left empty is blanked, then deleted. */
export const dropFromPages = async (
  db: KluisDatabase,
  pageIds: Iterable<string>,
  subjectIds: readonly string[],
): Promise<void> => {
  for (const page of (await db.keys.findByIds([...pageIds]).exec()).values()) {
    const entries = keyPageEntries((page.toJSON() as KeyDoc).payload);
    const before = Object.keys(entries).length;
    for (const id of subjectIds) delete entries[id];
    if (Object.keys(entries).length === before) continue;
    const updated = await page.incrementalPatch({ payload: JSON.stringify(entries) });
    if (!Object.keys(entries).length) await updated.remove();
  }
};

/**
 * Finishes the moves a stopped step left half done (see above); answers how many subjects it finished.
 * Reads every key page once: run once per apply, not per step.
 */
export const finishInterruptedMoves = async (
  session: Session,
  movedTo: (subjectId: string) => string | undefined,
): Promise<number> => {
  const { db } = session;
  const pagesOf = new Map<string, string[]>();
  for (const page of await db.keys.find().exec())
    for (const subjectId of Object.keys(keyPageEntries(page.payload)))
      pagesOf.set(subjectId, [...(pagesOf.get(subjectId) ?? []), page.id]);
  const doubled = [...pagesOf].filter(([, pages]) => pages.length > 1).map(([id]) => id);
  if (!doubled.length) return 0;
  const records = (await db.records.find({ selector: { subjectId: { $in: doubled } } }).exec()).map(
    (d) => d.toJSON() as RecordDoc,
  );
  const items = (await db.items.find({ selector: { subjectId: { $in: doubled } } }).exec()).map(
    (d) => d.toJSON() as RecordDoc,
  );
  let finished = 0;
  for (const subjectId of doubled) {
    const profile = records.find((d) => d.id === subjectId);
    // No profile here (erased, or not this device's to decide): left as it is.
    if (!profile || !pagesOf.get(subjectId)!.includes(profile.keyId)) continue;
    const to = movedTo(subjectId);
    const pages = pagesOf.get(subjectId)!;
    const pageId =
      to && territoryOfPage(profile.keyId) === to
        ? profile.keyId
        : pages.find((id) => to && territoryOfPage(id) === to);
    if (!pageId) continue;
    const key = await session.dataKey(subjectId, pageId);
    const behind = (docs: RecordDoc[]) => docs.filter((d) => d.subjectId === subjectId && d.keyId !== pageId);
    await resealAll(session, db.items, 'items', behind(items), key, pageId);
    await resealAll(session, db.records, 'records', behind(records), key, pageId);
    await dropFromPages(
      db,
      pagesOf.get(subjectId)!.filter((id) => id !== pageId),
      [subjectId],
    );
    finished++;
  }
  return finished;
};
