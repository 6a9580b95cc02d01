// The moves this device accepted (move.ts): per subject mark, its latest move as this device took it in,
// kept in sealed local documents so the device decides departures on the newest move it has seen, even
// once the server withholds the note. A device takes in every move note of the organisation (a note names
// its subjects by mark only, and the server cannot tell whose they are) but the first arrivals into other
// territories its first sync left out (first-arrivals.ts), so these grow with the organisation's moves
// since the device joined, not with the territories held.
//
// Issue 19, bench territory-share: kept as one document rewritten whole after each settings pull, a sales
// device's first sync at 100,000 people sealed and opened some 200 MB for about seven pages of notes. So
// each acceptance writes only the moves it changed, as a part after a base, in a compact form (each
// note's time, territory and id once per document); reading takes the base and then each part in order,
// each part's moves replacing those before (a part holds what the settlement made newest over everything
// before it). The merged value stays in memory while the stored documents are the same.
//
// A fixed set of documents (review of 6f34accb): RxDB keeps a removed document (payload included), so
// parts under ever new ids, removed at each compaction, grew the vault collection by one document per
// acceptance for the device's life. The parts are SLOTS slots, overwritten in place, never removed: part
// number upTo + i (the base's upTo) goes into slot i, its number sealed with it, and a read takes slot i
// only while it holds part upTo + i (the first that does not ends the parts). The acceptance after the
// last slot writes the base anew with everything, at a higher upTo: one write, so a crash leaves either
// the base before (and its parts) or the new one, whose stale slots the numbers leave out.
//
// Refused, not forgotten: a base or part that does not open (damaged, or sealed for another document)
// throws AcceptedMovesUnreadable. Taken as empty, every accepted move would be forgotten and a server
// could replay a subject's first move note; the settlement decides nothing instead (move.ts, departures).
//
// The layout before slots (parts under their absolute number, and before those one document) is read as
// it was; the next acceptance writes the base of this layout with everything, then removes those
// documents once (a removal that fails is tried again at a later acceptance, and never fails the write).
//
// Linear in what is new (issue 19 bench, helper-88): at 100,000 people, copying the whole moves per
// settlement, three times per settings page, was most of a sales device's sync. So the merged moves are a
// Map kept here and changed in place by an acceptance (after its write), handed out as a read-only view;
// an acceptance is given only the changes (move.ts settles against the moves as an overlay), and this
// session remembers which stored notes (id and sealed payload) it took in, so they are not settled again.
import type { Session } from '../vault';
import {
  localDocIds,
  localDocPayload,
  localDocPayloads,
  onLocalDocChain,
  openLocalDocStrict,
  removeLocalDocs,
  writeLocalDoc,
} from '../vault';
import { MapView } from './map-view';

/** A subject's latest move as this device accepted it: its version, when, the territory it went to, the note. */
export interface AcceptedMove {
  readonly v: number;
  readonly at: number;
  readonly to: string;
  /** The note's id (absent on moves accepted before it was kept). */
  readonly id?: string;
}
/** The accepted moves as one object (tests and diagnostics: building it reads every mark). */
export type AcceptedMoves = Record<string, AcceptedMove>;
/** The accepted moves as this module keeps them, read-only. */
export type MovesLookup = ReadonlyMap<string, AcceptedMove>;

/** What this session accepted: the moves, and the stored notes (id → sealed payload) it took in. */
export interface AcceptedState {
  readonly moves: MovesLookup;
  readonly taken: ReadonlyMap<string, string>;
}

/** The accepted moves stored on this device do not open: no move can be decided on until they do. */
export class AcceptedMovesUnreadable extends Error {
  constructor() {
    super('The territory moves this device accepted do not open; no move is decided until they do');
    this.name = 'AcceptedMovesUnreadable';
  }
}

const BASE_ID = 'territory-moves-accepted-base';
/** How many acceptances are written (the parts, then the base) before the base is written anew. */
export const COMPACT_AFTER = 16;
const SLOTS = COMPACT_AFTER - 1;
const SLOT_IDS = Array.from({ length: SLOTS }, (_, i) => `territory-moves-accepted-slot-${i + 1}`);
/** The base of this layout says so (a base before slots has its parts under absolute numbers). */
const LAYOUT = 2;
/** Before slots: one document of AcceptedMoves, then parts under their absolute number. */
const FORMER_ID = 'territory-moves-accepted';
const FORMER_PART = 'territory-moves-accepted-part-';

/** Moves in the compact form: each distinct (at, to, id) once, each mark with its version and that one. */
interface Compact {
  notes: [at: number, to: string, id?: string][];
  marks: Record<string, [v: number, note: number]>;
}
interface Base extends Compact {
  layout: number;
  /** The parts up to this number are in the base. */
  upTo: number;
}
interface Part extends Compact {
  /** The part's number. */
  n: number;
}

const compact = (moves: Iterable<[string, AcceptedMove]>): Compact => {
  const notes: Compact['notes'] = [];
  const index = new Map<string, number>();
  const marks: Compact['marks'] = {};
  // Moves of one note come one after the other: the note entry of the move before is tried first.
  let last: AcceptedMove | undefined;
  let n = 0;
  for (const [mark, move] of moves) {
    if (!last || move.at !== last.at || move.to !== last.to || move.id !== last.id) {
      const key = `${move.at}|${move.to}|${move.id ?? ''}`;
      const known = index.get(key);
      n = known ?? notes.push(move.id === undefined ? [move.at, move.to] : [move.at, move.to, move.id]) - 1;
      if (known === undefined) index.set(key, n);
      last = move;
    }
    marks[mark] = [move.v, n];
  }
  return { notes, marks };
};

/** Takes a compact document's moves into `into`, each replacing the mark's move before it. */
const expand = (doc: Partial<Compact>, into: Map<string, AcceptedMove>): void => {
  const notes = (Array.isArray(doc.notes) ? doc.notes : []).map(([at, to, id]) =>
    id === undefined ? { at, to } : { at, to, id },
  );
  for (const [mark, [v, n]] of Object.entries(doc.marks ?? {})) {
    const note = notes[n];
    if (note) into.set(mark, { v, ...note });
  }
};

interface Stored {
  /** The documents read, with their payloads then (null: none), to tell whether they changed since. */
  readonly ids: readonly string[];
  readonly payloads: readonly (string | null)[];
  readonly upTo: number;
  /** How many slots hold parts (slots 1 to this one). */
  readonly parts: number;
  /** Read from the layout before slots (or none at all): the next acceptance writes the base. */
  readonly former: boolean;
  /** Documents of the layout before slots, to remove after the next acceptance. */
  readonly leftovers: readonly string[];
  /** The merged moves, changed in place by an acceptance (after its write); never handed out. */
  readonly moves: Map<string, AcceptedMove>;
  /** What callers read: the moves (a read-only view) and the notes taken in since they were read. */
  readonly state: AcceptedState & { readonly taken: Map<string, string> };
}
/** Per session, the moves as last read, with the payloads they were read from. */
const cache = new WeakMap<Session, Stored>();

/** A document's value; one that does not open is refused, never read as empty. */
const open = <T>(session: Session, id: string, payload: string): Partial<T> => {
  let value: unknown;
  try {
    value = openLocalDocStrict<unknown>(session, id, payload);
  } catch {
    throw new AcceptedMovesUnreadable();
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AcceptedMovesUnreadable();
  return value as Partial<T>;
};

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) ? value : 0);

/** What a read fetches at once: the base, the slots and the document before parts. */
const IDS = [BASE_ID, ...SLOT_IDS, FORMER_ID];
const FORMER_AT = IDS.length - 1;

/**
 * The layout before slots: the base (or, without one, the former document) and the parts after its
 * upTo, in order; the parts' payloads are added to `seen`.
 */
const readFormer = async (
  session: Session,
  base: Partial<Base> | null,
  former: string | null,
  into: Map<string, AcceptedMove>,
  seen: { ids: string[]; payloads: (string | null)[] },
): Promise<void> => {
  if (base) expand(base, into);
  else if (former !== null)
    for (const [mark, move] of Object.entries(open<AcceptedMoves>(session, FORMER_ID, former)))
      if (move) into.set(mark, move);
  for (let n = count(base?.upTo) + 1; ; n++) {
    const id = `${FORMER_PART}${n}`;
    const payload = await localDocPayload(session, id);
    seen.ids.push(id);
    seen.payloads.push(payload);
    if (payload === null) return;
    expand(open<Compact>(session, id, payload), into);
  }
};

/** The accepted moves as stored, merged (on the chain). */
const read = async (session: Session): Promise<Stored> => {
  const known = cache.get(session);
  if (known) {
    const now = await localDocPayloads(session, known.ids);
    if (now.every((payload, i) => payload === known.payloads[i])) return known;
  }
  const ids = [...IDS];
  const payloads = await localDocPayloads(session, ids);
  const base = payloads[0] ? open<Base>(session, BASE_ID, payloads[0]) : null;
  const former = payloads[FORMER_AT]!;
  const moves = new Map<string, AcceptedMove>();
  let upTo = 0;
  let parts = 0;
  const before = base?.layout !== LAYOUT;
  if (before) await readFormer(session, base, former, moves, { ids, payloads });
  else {
    upTo = count(base.upTo);
    expand(base, moves);
    for (; parts < SLOTS; parts++) {
      const payload = payloads[parts + 1];
      if (!payload) break;
      const part = open<Part>(session, SLOT_IDS[parts]!, payload);
      if (part.n !== upTo + parts + 1) break; // a stale slot: the parts end before it
      expand(part, moves);
    }
  }
  const leftovers = await localDocIds(session, FORMER_PART);
  if (former !== null) leftovers.push(FORMER_ID);
  const state = { moves: new MapView(moves, (move: AcceptedMove) => move), taken: new Map<string, string>() };
  const stored = { ids, payloads, upTo, parts, former: before, leftovers, moves, state };
  cache.set(session, stored);
  return stored;
};

/** Sessions whose unreadable accepted moves were audited (once per session). */
const audited = new WeakSet<Session>();

/** Audits, once per session, that the accepted moves do not open, and throws on. */
const refusing = async <T>(session: Session, run: Promise<T>): Promise<T> => {
  try {
    return await run;
  } catch (error) {
    if (error instanceof AcceptedMovesUnreadable && !audited.has(session)) {
      audited.add(session);
      await session.audit
        .record({
          action: 'territory',
          kind: 'territory-moves-unreadable',
          recordIds: [],
          details: { reason: 'accepted-moves' },
        })
        .catch(() => undefined);
    }
    throw error;
  }
};

/**
 * The moves this device accepted (a view that follows later acceptances in this session) and the notes
 * taken in; throws AcceptedMovesUnreadable when they do not open.
 */
export const readAcceptedMoves = async (session: Session): Promise<AcceptedState> => {
  const stored = await refusing(
    session,
    onLocalDocChain(() => read(session)),
  );
  return stored.state;
};

/** The moves, then the changes' moves in their place, then the changes' new marks. */
function* merged(moves: MovesLookup, changes: MovesLookup): Generator<[string, AcceptedMove]> {
  for (const [mark, move] of moves) yield [mark, changes.get(mark) ?? move];
  for (const [mark, move] of changes) if (!moves.has(mark)) yield [mark, move];
}

/** Removes the documents of the layout before slots; one that fails is tried again at the next write. */
const removeLeftovers = async (session: Session, kept: Stored): Promise<void> => {
  if (!kept.leftovers.length) return;
  try {
    await removeLocalDocs(session, kept.leftovers);
    const payloads = kept.payloads.map((payload, i) => (i === FORMER_AT ? null : payload));
    cache.set(session, { ...kept, payloads, leftovers: [] });
  } catch {
    // What was accepted is stored: the leftovers are ignored by reads, and removed at a later write.
  }
};

/**
 * Changes the accepted moves: `next` answers the changes (mark → its new move) from those stored (as the
 * chain holds them, so no other write comes between), and the stored notes (id → sealed payload) it took
 * in. The changes are written as a part (only the changed marks; the base with everything once the slots
 * are full), then applied to the moves in place and the notes noted as taken; a write that fails changes
 * neither. Throws AcceptedMovesUnreadable (without calling `next`) when the stored moves do not open.
 */
export const changeAcceptedMoves = <T>(
  session: Session,
  next: (current: AcceptedState) => {
    changes: MovesLookup;
    taken?: Iterable<readonly [string, string]>;
    result: T;
  },
): Promise<{ moves: MovesLookup; result: T }> =>
  refusing(
    session,
    onLocalDocChain(async () => {
      const stored = await read(session);
      const { changes, taken = [], result } = next(stored.state);
      const changed = [...changes].filter(([mark, move]) => stored.moves.get(mark) !== move);
      let kept = stored;
      if (changed.length) {
        const payloads = stored.payloads.slice(0, IDS.length);
        if (stored.former || stored.parts >= SLOTS) {
          // Everything into the base, past every part there was: the slots' parts no longer count.
          const upTo = stored.former ? 0 : stored.upTo + stored.parts + 1;
          const base: Base = { layout: LAYOUT, upTo, ...compact(merged(stored.moves, new Map(changed))) };
          payloads[0] = await writeLocalDoc(session, BASE_ID, base);
          kept = { ...stored, ids: IDS, payloads, upTo, parts: 0, former: false };
        } else {
          const part: Part = { n: stored.upTo + stored.parts + 1, ...compact(changed) };
          payloads[stored.parts + 1] = await writeLocalDoc(session, SLOT_IDS[stored.parts]!, part);
          kept = { ...stored, payloads, parts: stored.parts + 1 };
        }
        for (const [mark, move] of changed) stored.moves.set(mark, move);
        cache.set(session, kept);
      }
      for (const [id, payload] of taken) stored.state.taken.set(id, payload);
      if (changed.length) await removeLeftovers(session, kept);
      return { moves: stored.state.moves, result };
    }),
  );
