// Moving a subject into a territory (issue 19, point 2): its data key is wrapped anew, under the target
// territory's key, in a page of that territory (`t<tag>-...`), and every record and item about the subject
// is sealed again for that page (the associated data binds a payload to its page), then the subject's entry
// leaves its former page. The data key itself does not change: the ciphertext of the records is new, the
// key that opens it is not. What the server sees: the subject's documents now carry the new tag, so it
// sends them only to the new territory's holders; devices of the former territory receive the former page
// without the subject's entry, and purge the subject (guard.ts). Run on an admin's device, which may
// rewrite any key page.
import type { RxCollection } from 'rxdb';
import type { KeyDoc, RecordDoc } from '../store';
import { keyPageEntries, recordAddress } from '../store';
import type { Session } from '../vault';
import { territoryKeyId, territoryOfPage, territoryPageId } from './tags';

export interface MoveTarget {
  readonly tag: string;
  readonly epochId: string;
}

const resealAll = async (
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

/**
 * Moves the subjects into the territory, each with its records and items; subjects already in it are left
 * alone. Throws when this device does not hold the territory's key or a subject's data key.
 */
export const moveToTerritory = async (
  session: Session,
  subjectIds: readonly string[],
  target: MoveTarget,
): Promise<{ moved: number; subjectIds: string[] }> => {
  const { db } = session;
  const keyId = territoryKeyId(target.tag, target.epochId);
  const records = await db.records.find({ selector: { subjectId: { $in: [...subjectIds] } } }).exec();
  const profiles = new Map<string, RecordDoc>();
  for (const doc of records) if (doc.id === doc.subjectId) profiles.set(doc.id, doc.toJSON() as RecordDoc);
  const moving = [...profiles.values()].filter((p) => territoryOfPage(p.keyId) !== target.tag);
  if (!moving.length) return { moved: 0, subjectIds: [] };
  const keys = new Map<string, Uint8Array>();
  for (const profile of moving)
    keys.set(profile.subjectId, await session.dataKey(profile.subjectId, profile.keyId));
  const pageId = territoryPageId(target.tag);
  // The new page first: a record never points at a page that is not there.
  await db.keys.insert(session.territoryPage(keys, { pageId, keyId }));
  const ids = moving.map((p) => p.subjectId);
  const items = (await db.items.find({ selector: { subjectId: { $in: ids } } }).exec()).map(
    (d) => d.toJSON() as RecordDoc,
  );
  const ofSubjects = records.map((d) => d.toJSON() as RecordDoc).filter((d) => keys.has(d.subjectId));
  for (const [subjectId, key] of keys) {
    await resealAll(
      session,
      db.items,
      'items',
      items.filter((d) => d.subjectId === subjectId),
      key,
      pageId,
    );
    await resealAll(
      session,
      db.records,
      'records',
      ofSubjects.filter((d) => d.subjectId === subjectId),
      key,
      pageId,
    );
  }
  // Then the former pages without the subjects; an emptied page is blanked before it is deleted.
  const formerPages = new Set(moving.map((p) => p.keyId));
  for (const page of (await db.keys.findByIds([...formerPages]).exec()).values()) {
    const data = page.toJSON() as KeyDoc;
    const entries = keyPageEntries(data.payload);
    for (const id of ids) delete entries[id];
    const updated = await page.incrementalPatch({ payload: JSON.stringify(entries) });
    if (!Object.keys(entries).length) await updated.remove();
  }
  return { moved: moving.length, subjectIds: ids };
};
