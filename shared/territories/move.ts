// Moving a subject into a territory (issue 19, point 2): its data key is wrapped anew, under the target
// territory's key, in a page of that territory (`t<tag>-...`), and every record and item about the subject
// is sealed again for that page (the associated data binds a payload to its page), then the subject's entry
// leaves its former page. The data key itself does not change: the ciphertext of the records is new, the
// key that opens it is not. What the server sees: the subject's documents now carry the new tag, so it
// sends them only to the new territory's holders; devices of the former territory receive the former page
// without the subject's entry, and purge the subject (guard.ts). Run on an admin's device, which may
// rewrite any key page.
//
// A device lets go of a subject only on an admin's word, never on the server's (guard.ts): every move
// leaves a move note, an organisation setting sealed under the organisation key (which the server never
// holds), naming the moved subjects by a mark (a keyed hash under that key, so a device that never held
// a subject learns nothing of it), the territory each left and the one it went to, and when. The notes
// are also the history the lost-device drill reads back to where a subject was when a device was lost
// (exposure.ts). A member working with the server could still write one, as for erasure orders.
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import { newId, toBase64, utf8 } from '../crypto';
import type { KeyDoc, RecordDoc } from '../store';
import { keyPageEntries, recordAddress, sealedKind } from '../store';
import type { Session } from '../vault';
import { territoryKeyId, territoryOfPage, territoryPageId } from './tags';

const Tag = z.string().regex(/^[0-9a-f]{16}$/);
const MoveNote = z.strictObject({
  /** The territory the subjects went to. */
  to: Tag,
  at: z.number().int().nonnegative(),
  /** Each moved subject's mark and the territory it left (null: organisation-wide). */
  subjects: z
    .array(z.strictObject({ mark: z.string().min(1).max(64), from: Tag.nullable() }))
    .min(1)
    .max(500),
});
export type MoveNote = z.infer<typeof MoveNote>;
export const TERRITORY_MOVE = sealedKind('territory-move', MoveNote, 1);
const NOTE_SIZE = 500;

/** A subject's mark in move notes: a keyed hash of its id under the organisation key. */
export const subjectMark = (session: Pick<Session, 'cipher' | 'orgKey'>, subjectId: string): string =>
  toBase64(
    session.cipher.sodium.crypto_generichash(16, utf8(`kluis-territory-move|${subjectId}`), session.orgKey),
  );

/** Every move note of the organisation on this device, oldest first; notes that do not open are skipped. */
export const moveNotes = async (session: Session): Promise<MoveNote[]> =>
  (await session.settings(TERRITORY_MOVE).list()).records.map((r) => r.data).sort((a, b) => a.at - b.at);

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
  const at = Date.now();
  const marked = moving.map((p) => ({
    mark: subjectMark(session, p.subjectId),
    from: territoryOfPage(p.keyId),
  }));
  for (let i = 0; i < marked.length; i += NOTE_SIZE)
    await session
      .settings(TERRITORY_MOVE)
      .put({ to: target.tag, at, subjects: marked.slice(i, i + NOTE_SIZE) }, newId());
  return { moved: moving.length, subjectIds: ids };
};
