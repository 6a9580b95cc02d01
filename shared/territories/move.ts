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
// (exposure.ts). Each note is signed by the admin's device that wrote it, and a device counts only the
// notes a trusted admin device signed (signed-settings.ts): a member who holds the organisation key can
// write one, but no device lets go on it.
//
// Replays (review of territories, gap 1): each subject in a note carries its move's version, one more than
// the latest move of that subject this device knew when it wrote the note (sealed with the note, so the
// server cannot change it; notes from before versions are version 0, ordered by their time as before).
// Versions are per subject mark, not one counter for the organisation: two admins moving different
// subjects offline do not collide, and an older note that arrives late (a device's first sync) is history
// (exposure.ts reads it), not a replay. Each device keeps, per mark, the latest move it accepted in a
// local document and decides departures on that, never on a note that went missing since: a server that
// withholds or deletes the newer note cannot bring the older one back into force.
//
// Taking notes in costs what is new (issue 19 bench, helper-88): a settlement reads the accepted moves of
// its notes' marks only, through an overlay, and answers the changes (accepted-moves.ts applies them in
// place); a settings page is settled once (takeMoveNotes); latestMoves settles only the stored notes this
// session has not taken in (by id and sealed payload: a note that comes back changed is settled again).
//
// First arrivals (issue 19 bench, territory-share): the subjects of a move that leave an organisation-wide
// page for the first time (version 1) go into notes of their own, the territory in the id (tags.ts), so a
// new device's first sync can leave out those into territories it does not hold; such a device settles a
// mark it knows no move of as if version 1 were accepted (first-arrivals.ts).
import { z } from 'zod';
import { newId, toBase64, utf8 } from '../crypto';
import type { RecordDoc, SettingDoc } from '../store';
import { organisationTag, sealedKind } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import {
  AcceptedMovesUnreadable,
  changeAcceptedMoves,
  readAcceptedMoves,
  type AcceptedMove,
  type AcceptedMoves,
  type MovesLookup,
} from './accepted-moves';
import { unknownBaseOf } from './first-arrivals';
import { MapView } from './map-view';
import { openSetting } from './open-setting';
import { dropFromPages, resealAll } from './page-moves';
import { countingSettings, SettingSignature, signSetting } from './signed-settings';
import { firstArrivalNoteId, territoryKeyId, territoryOfPage, territoryPageId } from './tags';

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
  /** The admin device's signature (signed-settings.ts); absent on a note from before signing. */
  signed: SettingSignature.optional(),
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

export type { AcceptedMove, AcceptedMoves, MovesLookup };
export { AcceptedMovesUnreadable };
const REFUSED_ID = 'territory-moves-refused';

/**
 * How to settle: `unknownBase`, the version a mark with no accepted move counts as for the `ahead` rule
 * only (1 on a device that left out first arrivals, first-arrivals.ts; else 0).
 */
export interface SettleOptions {
  readonly unknownBase?: 0 | 1;
}

/**
 * How a subject's move compares with the one accepted: newer, the same, older, or `ahead` (a version more
 * than one above the accepted one: refused, so a note planted at the highest version cannot pin the
 * subject; versions go up one move at a time). Two different moves under one version (two admins moving
 * it offline) settle the same way on every device, whichever came first: the later `at`, then the higher
 * note id, then the higher territory. At version 0 (notes from before versions) the later time is newer.
 * Note ids compare as strings, the same on every device (a first-arrival note's `n<tag>-` id included).
 */
export const compareMove = (
  move: AcceptedMove,
  accepted: AcceptedMove | undefined,
  { unknownBase = 0 }: SettleOptions = {},
): 'newer' | 'same' | 'older' | 'ahead' => {
  const base = accepted?.v ?? unknownBase;
  if (move.v > base + 1) return 'ahead';
  if (!accepted || move.v > accepted.v) return 'newer';
  if (move.v < accepted.v) return 'older';
  if (move.at !== accepted.at) return move.at > accepted.at ? 'newer' : 'older';
  if (move.id && accepted.id && move.id !== accepted.id) return move.id > accepted.id ? 'newer' : 'older';
  if (move.to !== accepted.to) return move.to > accepted.to ? 'newer' : 'older';
  return 'same';
};

/** Each subject's move in the note, with its version (0 for a note from before versions). */
export const movesIn = (note: MoveNote, id?: string): { mark: string; move: AcceptedMove }[] =>
  note.subjects.map((s) => ({
    mark: s.mark,
    move: { v: s.v ?? 0, at: note.at, to: note.to, ...(id && { id }) },
  }));

/**
 * A move note with its id, as stored (a setting's record); `sealed`, when known: its stored id and sealed
 * payload, by which this session remembers it took the note in.
 */
export interface NoteRecord {
  readonly id?: string;
  readonly data: MoveNote;
  readonly sealed?: { readonly id: string; readonly payload: string };
}

/** What a settlement decided. */
export interface Settlement<N> {
  /** Mark → its new move: the taken notes' moves newer than those accepted (nothing else is copied). */
  readonly changes: Map<string, AcceptedMove>;
  readonly taken: N[];
  readonly refused: N[];
  readonly changed: boolean;
  /** The accepted moves after the settlement as one object, built when asked (it reads every mark). */
  readonly accepted: AcceptedMoves;
}

const isLookup = (moves: MovesLookup | Readonly<AcceptedMoves>): moves is MovesLookup =>
  moves instanceof Map || moves instanceof MapView;

/**
 * Settles notes against the accepted moves: a note is taken when none of its moves is `ahead`, in as many
 * rounds as it takes (a note's predecessor may come later in the list); its newer moves become the accepted
 * ones. The notes left are refused. Pure: the same notes settle the same on every device. Reads the
 * accepted moves of the notes' marks only (the changes overlay them), so it costs the notes' moves, not
 * the organisation's. `options`: SettleOptions.
 */
export const settleMoveNotes = <N extends NoteRecord>(
  current: MovesLookup | Readonly<AcceptedMoves>,
  notes: readonly N[],
  options: SettleOptions = {},
): Settlement<N> => {
  const before = isLookup(current)
    ? (mark: string) => current.get(mark)
    : (mark: string) => (Object.hasOwn(current, mark) ? current[mark] : undefined);
  const changes = new Map<string, AcceptedMove>();
  const acceptedOf = (mark: string) => changes.get(mark) ?? before(mark);
  const taken: N[] = [];
  // Lowest version first, each note's computed once (not per comparison: a note holds up to 500 moves).
  const lowest = new Map(notes.map((n) => [n, Math.min(...n.data.subjects.map((s) => s.v ?? 0))]));
  let pending = [...notes].sort((a, b) => lowest.get(a)! - lowest.get(b)!);
  for (let progress = true; progress && pending.length;) {
    progress = false;
    const left: N[] = [];
    for (const note of pending) {
      const moves = movesIn(note.data, note.id);
      if (moves.some(({ mark, move }) => compareMove(move, acceptedOf(mark), options) === 'ahead')) {
        left.push(note);
        continue;
      }
      for (const { mark, move } of moves)
        if (compareMove(move, acceptedOf(mark), options) === 'newer') changes.set(mark, move);
      taken.push(note);
      progress = true;
    }
    pending = left;
  }
  return {
    changes,
    taken,
    refused: pending,
    changed: changes.size > 0,
    get accepted() {
      const all = isLookup(current) ? Object.fromEntries(current) : { ...current };
      return { ...all, ...Object.fromEntries(changes) };
    },
  };
};

/**
 * Settles the notes once against this device's accepted moves and takes the newer moves in (a part with
 * the changed marks only); answers the accepted moves (a view), the notes taken and those refused. Audits
 * nothing (acceptMoveNotes does, and admitTerritorySettings for a pull). Throws AcceptedMovesUnreadable,
 * taking in nothing, when the accepted moves stored here do not open. A device that left out first
 * arrivals settles with unknownBase 1 (first-arrivals.ts); every taking-in passes here, a pull's too.
 */
export const takeMoveNotes = async <N extends NoteRecord>(
  session: Session,
  notes: readonly N[],
): Promise<{ accepted: MovesLookup; taken: N[]; refused: N[] }> => {
  const options: SettleOptions = { unknownBase: await unknownBaseOf(session) };
  const { moves, result } = await changeAcceptedMoves(session, ({ moves: current }) => {
    const settled = settleMoveNotes(current, notes, options);
    const taken = settled.taken.flatMap((n) => (n.sealed ? [[n.sealed.id, n.sealed.payload] as const] : []));
    return { changes: settled.changes, taken, result: settled };
  });
  return { accepted: moves, taken: result.taken, refused: result.refused };
};

/**
 * Takes the notes' moves that are newer than those accepted into this device's accepted moves, and
 * answers them with how many notes were refused (a move more than one version ahead). A refused note with
 * an id is audited once ('territory-replay-refused', counts only). Throws AcceptedMovesUnreadable, taking
 * in nothing, when the accepted moves stored here do not open (accepted-moves.ts): settled against none,
 * a subject's first move note would count again.
 */
export const acceptMoveNotes = async (
  session: Session,
  notes: readonly NoteRecord[],
): Promise<{ accepted: MovesLookup; refused: number }> => {
  const { accepted, refused } = await takeMoveNotes(session, notes);
  const ids = refused.flatMap((n) => (n.id ? [n.id] : []));
  if (ids.length) {
    const known = await readLocalDoc<Record<string, number>>(session, REFUSED_ID, {});
    const fresh = ids.filter((id) => known[id] === undefined);
    if (fresh.length) {
      const now = Date.now();
      await changeLocalDoc<Record<string, number>>(session, REFUSED_ID, {}, (latest) => ({
        ...latest,
        ...Object.fromEntries(fresh.map((id) => [id, now])),
      }));
      await session.audit.record({
        action: 'territory',
        kind: 'territory-replay-refused',
        recordIds: [],
        details: { definitions: 0, moves: fresh.length },
      });
    }
  }
  return { accepted, refused: refused.length };
};

/**
 * The moves this device accepted as one object (built anew: it reads every mark; for tests and
 * diagnostics), without reading the notes; throws AcceptedMovesUnreadable as above.
 */
export const acceptedMoves = async (session: Session): Promise<AcceptedMoves> =>
  Object.freeze(Object.fromEntries((await readAcceptedMoves(session)).moves));

/**
 * The move notes stored on this device that this session has not taken in (by stored id and sealed
 * payload) and that count here (signed by a trusted admin device), oldest first; notes that do not open
 * are skipped. Throws AcceptedMovesUnreadable as above.
 */
const notesNotTaken = async (session: Session): Promise<NoteRecord[]> => {
  const { taken } = await readAcceptedMoves(session);
  const prefix = `${organisationTag(session.orgKeyId)}_`;
  const docs = await session.db.settings.find({ selector: { kind: TERRITORY_MOVE.kind } }).exec();
  const notes: (NoteRecord & { id: string })[] = [];
  for (const found of docs) {
    const doc = found.toJSON() as SettingDoc;
    if (!doc.id.startsWith(prefix) || taken.get(doc.id) === doc.payload) continue;
    const data = openSetting(session, TERRITORY_MOVE, doc as unknown as Record<string, unknown>);
    if (data)
      notes.push({ id: doc.id.slice(prefix.length), data, sealed: { id: doc.id, payload: doc.payload } });
  }
  // Only notes an admin's device signed (or taken before signing) count (signed-settings.ts).
  return (await countingSettings(session, 'territory-move', notes)).sort((a, b) => a.data.at - b.data.at);
};

/**
 * Where each moved subject (by mark) went in its latest accepted move: the notes on this device taken in
 * first, so a note stored before this device kept its accepted moves counts; a note missing since does not
 * undo its move, and a note too far ahead (planted) does not count. Throws AcceptedMovesUnreadable when
 * the accepted moves do not open: no move is proved then (departures.ts), and an admin's move stops
 * before it changes anything (noteMoves). A view: it follows later acceptances in this session.
 */
export const latestMoves = async (session: Session): Promise<ReadonlyMap<string, string>> => {
  const { accepted } = await acceptMoveNotes(session, await notesNotTaken(session));
  return new MapView(accepted, (move) => move.to);
};

export interface MoveTarget {
  readonly tag: string;
  readonly epochId: string;
}

/**
 * Writes the move notes of the subjects' move into the territory: each subject at one version above the
 * latest move of it this device accepted (a planted note far ahead is not accepted, so it cannot stop the
 * move), and takes them in as accepted. First arrivals (from an organisation-wide page, version 1) go into
 * notes of their own, named for the territory (firstArrivalNoteId); the rest into ordinary notes.
 */
const noteMoves = async (session: Session, moving: readonly RecordDoc[], to: string): Promise<void> => {
  const at = Date.now();
  const { accepted } = await acceptMoveNotes(session, await notesNotTaken(session));
  const marked = moving.map((p) => {
    const mark = subjectMark(session, p.subjectId);
    return { mark, from: territoryOfPage(p.keyId), v: (accepted.get(mark)?.v ?? 0) + 1 };
  });
  const first = (s: (typeof marked)[number]) => s.from === null && s.v === 1;
  const kinds = [
    { subjects: marked.filter(first), nextId: () => firstArrivalNoteId(to) },
    { subjects: marked.filter((s) => !first(s)), nextId: newId },
  ];
  const notes: NoteRecord[] = [];
  const signer = await session.deviceSigner();
  for (const { subjects, nextId } of kinds)
    for (let i = 0; i < subjects.length; i += NOTE_SIZE) {
      const [note, id] = [{ to, at, subjects: subjects.slice(i, i + NOTE_SIZE) }, nextId()];
      const signed = signSetting(session, signer, 'territory-move', id, note);
      notes.push(await session.settings(TERRITORY_MOVE).put(signed, id));
    }
  await acceptMoveNotes(session, notes);
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
  const page = session.territoryPage(keys, { pageId, keyId });
  // The move notes before any key page changes (review F2): a page never lost a subject without the note
  // that proves the move; a note whose move then fails moves nothing (a device lets go only of a subject
  // its page lost), and moving again writes the next version.
  await noteMoves(session, moving, target.tag);
  // The new page first: a record never points at a page that is not there.
  await db.keys.insert(page);
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
  await dropFromPages(db, new Set(moving.map((p) => p.keyId)), ids);
  return { moved: moving.length, subjectIds: ids };
};
