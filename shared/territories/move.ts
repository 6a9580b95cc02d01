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
//
// Replays (review of territories, gap 1): each subject in a note carries its move's version, one more than
// the latest move of that subject this device knew when it wrote the note (sealed with the note, so the
// server cannot change it; notes from before versions are version 0, ordered by their time as before).
// Versions are per subject mark, not one counter for the organisation: two admins moving different
// subjects offline do not collide, and an older note that arrives late (a device's first sync) is history
// (exposure.ts reads it), not a replay. Each device keeps, per mark, the latest move it accepted in a
// local document and decides departures on that, never on a note that went missing since: a server that
// withholds or deletes the newer note cannot bring the older one back into force.
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import { newId, toBase64, utf8 } from '../crypto';
import type { KeyDoc, RecordDoc } from '../store';
import { keyPageEntries, recordAddress, sealedKind } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { territoryKeyId, territoryOfPage, territoryPageId } from './tags';

const Tag = z.string().regex(/^[0-9a-f]{16}$/);
const MoveNote = z.strictObject({
  /** The territory the subjects went to. */
  to: Tag,
  at: z.number().int().nonnegative(),
  /** Each moved subject's mark and the territory it left (null: organisation-wide). */
  subjects: z
    .array(
      z.strictObject({
        mark: z.string().min(1).max(64),
        from: Tag.nullable(),
        /** The subject's move version (absent on notes from before versions: 0). */
        v: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
      }),
    )
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

/** A subject's latest move as this device accepted it: its version, when, and the territory it went to. */
export interface AcceptedMove {
  readonly v: number;
  readonly at: number;
  readonly to: string;
}
export type AcceptedMoves = Record<string, AcceptedMove>;
const ACCEPTED_ID = 'territory-moves-accepted';

/**
 * How a subject's move compares with the one accepted: newer (a higher version, or at version 0 a later
 * time), the same, older, or a different move under the same version (`conflict`, refused).
 */
export const compareMove = (
  move: AcceptedMove,
  accepted: AcceptedMove | undefined,
): 'newer' | 'same' | 'older' | 'conflict' => {
  if (!accepted || move.v > accepted.v) return 'newer';
  if (move.v < accepted.v) return 'older';
  if (move.at === accepted.at && move.to === accepted.to) return 'same';
  if (move.v > 0) return 'conflict';
  return move.at > accepted.at ? 'newer' : 'older';
};

/** Each subject's move in the notes, with its version (0 for a note from before versions). */
export const movesIn = (note: MoveNote): { mark: string; move: AcceptedMove }[] =>
  note.subjects.map((s) => ({ mark: s.mark, move: { v: s.v ?? 0, at: note.at, to: note.to } }));

/**
 * Takes the notes' moves that are newer than those accepted into this device's accepted moves, and
 * answers them with how many moves were refused as a different move under an accepted version.
 */
export const acceptMoveNotes = async (
  session: Session,
  notes: readonly MoveNote[],
): Promise<{ accepted: AcceptedMoves; refused: number }> => {
  const merge = (current: AcceptedMoves) => {
    const next = { ...current };
    let changed = false;
    let refused = 0;
    for (const note of notes)
      for (const { mark, move } of movesIn(note)) {
        const seen = compareMove(move, next[mark]);
        if (seen === 'newer') [next[mark], changed] = [move, true];
        else if (seen === 'conflict') refused++;
      }
    return { next, changed, refused };
  };
  const current = await readLocalDoc<AcceptedMoves>(session, ACCEPTED_ID, {});
  const first = merge(current);
  if (!first.changed) return { accepted: current, refused: first.refused };
  let refused = first.refused;
  const accepted = await changeLocalDoc<AcceptedMoves>(session, ACCEPTED_ID, {}, (latest) => {
    const merged = merge(latest);
    refused = merged.refused;
    return merged.next;
  });
  return { accepted, refused };
};

/** The moves this device accepted, without reading the notes. */
export const acceptedMoves = (session: Session): Promise<AcceptedMoves> =>
  readLocalDoc<AcceptedMoves>(session, ACCEPTED_ID, {});

/**
 * Where each moved subject (by mark) went in its latest accepted move: the notes on this device taken in
 * first, so a note stored before this device kept its accepted moves counts; a note missing since does not
 * undo its move.
 */
export const latestMoves = async (session: Session): Promise<Map<string, string>> => {
  const { accepted } = await acceptMoveNotes(session, await moveNotes(session));
  return new Map(Object.entries(accepted).map(([mark, move]) => [mark, move.to]));
};

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
  const { accepted } = await acceptMoveNotes(session, await moveNotes(session));
  const marked = moving.map((p) => {
    const mark = subjectMark(session, p.subjectId);
    return { mark, from: territoryOfPage(p.keyId), v: (accepted[mark]?.v ?? 0) + 1 };
  });
  const notes: MoveNote[] = [];
  for (let i = 0; i < marked.length; i += NOTE_SIZE) {
    const note = { to: target.tag, at, subjects: marked.slice(i, i + NOTE_SIZE) };
    notes.push((await session.settings(TERRITORY_MOVE).put(note, newId())).data);
  }
  await acceptMoveNotes(session, notes);
  return { moved: moving.length, subjectIds: ids };
};
