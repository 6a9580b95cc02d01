// Removes every trace of erased subjects from this device: their records (profile and conflict records),
// their items, and their entries in the key pages (crypto-shredding). Payloads are blanked before the
// removal because RxDB keeps a deleted document's fields in its tombstone; the blanked tombstones are
// what sync pushes, the same "erased" tombstones the server keeps. Safe to run again: a second run finds
// nothing and writes nothing.
import type { RxCollection, RxDocument } from 'rxdb';
import type { KeyDoc, RecordDoc } from '../store';
import { keyPageEntries } from '../store';
import type { Session } from '../vault';
import { ERASED_PAYLOAD } from '../sync';

/** Subjects per query: `$in` lists stay short. */
const CHUNK = 200;

export type KindCounts = Record<string, number>;

const blankAndRemove = async (
  collection: RxCollection<RecordDoc>,
  docs: readonly RxDocument<RecordDoc>[],
): Promise<void> => {
  if (!docs.length) return;
  await collection.bulkUpsert(docs.map((d) => ({ ...(d.toJSON() as RecordDoc), payload: ERASED_PAYLOAD })));
  await collection.bulkRemove(docs.map((d) => d.id));
};

/** Counts of the documents removed, per kind ('person', 'activity', 'conflict'...). */
export const purgeSubjects = async (session: Session, subjectIds: readonly string[]): Promise<KindCounts> => {
  const { db } = session;
  const ids = [...new Set(subjectIds)];
  const counts: KindCounts = {};
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const items = await db.items.find({ selector: { subjectId: { $in: chunk } } }).exec();
    const records = await db.records.find({ selector: { subjectId: { $in: chunk } } }).exec();
    for (const doc of [...items, ...records]) counts[doc.kind] = (counts[doc.kind] ?? 0) + 1;
    // Items first: a record's key page must outlive everything it opens.
    await blankAndRemove(db.items, items);
    await blankAndRemove(db.records, records);
  }
  await shredKeys(session, ids);
  return counts;
};

/**
 * Takes the subjects' entries out of every key page that holds them. Pages are searched rather than
 * found through the subject's record, which sync may already have replaced by a tombstone.
 */
const shredKeys = async (session: Session, ids: readonly string[]): Promise<void> => {
  if (!ids.length) return;
  const wanted = new Set(ids);
  const pages = await session.db.keys.find().exec();
  for (const page of pages) {
    const holds = Object.keys(keyPageEntries(page.payload)).some((id) => wanted.has(id));
    if (!holds) continue;
    const updated = await page.incrementalModify((data: KeyDoc) => {
      const entries = keyPageEntries(data.payload);
      for (const id of ids) delete entries[id];
      return { ...data, payload: JSON.stringify(entries) };
    });
    // An emptied page is already blank ('{}'): its tombstone holds no key.
    if (!Object.keys(keyPageEntries(updated.payload)).length) await updated.remove();
  }
  for (const id of ids) session.forgetDataKey(id);
};
