// The moves this device accepted (move.ts): per subject mark, its latest move as this device took it in,
// kept in sealed local documents so the device decides departures on the newest move it has seen, even
// once the server withholds the note. Every device takes in every move note of the organisation (a note
// names its subjects by mark only, and the server cannot tell whose they are), so these grow with the
// organisation, not with the territories held.
//
// Issue 19, bench territory-share: kept as one document rewritten whole after each settings pull (and
// opened three times per pull), a sales device's first sync at 100,000 people sealed and opened some
// 200 MB for about seven pages of notes: quadratic in the organisation, and most of its time. Now each
// acceptance writes only the moves it changed, as the next numbered part after a base, in a compact form
// (each note's time, territory and id once per document); reading takes the base and then each part in
// order, each part's moves replacing those before (a part holds what the settlement made newest over
// everything before it, so the order is that of the writes). The merged value stays in memory while the
// stored documents are the same. After COMPACT_AFTER parts the base is written anew with everything and
// the parts are removed. Reads and writes run on the local documents' chain, so none sees a half-done
// compaction. The base before parts (one document of AcceptedMoves) is read as the first base.
import type { Session } from '../vault';
import { localDocPayload, onLocalDocChain, openLocalDoc, removeLocalDocs, writeLocalDoc } from '../vault';

/** A subject's latest move as this device accepted it: its version, when, the territory it went to, the note. */
export interface AcceptedMove {
  readonly v: number;
  readonly at: number;
  readonly to: string;
  /** The note's id (absent on moves accepted before it was kept). */
  readonly id?: string;
}
export type AcceptedMoves = Record<string, AcceptedMove>;

/** The document of one AcceptedMoves before parts: the first base on a device that had it. */
const FORMER_ID = 'territory-moves-accepted';
const BASE_ID = 'territory-moves-accepted-base';
const partId = (n: number) => `territory-moves-accepted-part-${n}`;
/** How many parts are written before the base is written anew. */
export const COMPACT_AFTER = 16;

/** Moves in the compact form: each distinct (at, to, id) once, each mark with its version and that one. */
interface Compact {
  notes: [at: number, to: string, id?: string][];
  marks: Record<string, [v: number, note: number]>;
}
interface Base extends Compact {
  /** The parts up to this one are in the base. */
  upTo: number;
}

const compact = (moves: Iterable<[string, AcceptedMove]>): Compact => {
  const notes: Compact['notes'] = [];
  const index = new Map<string, number>();
  const marks: Compact['marks'] = {};
  for (const [mark, move] of moves) {
    const key = `${move.at}|${move.to}|${move.id ?? ''}`;
    let n = index.get(key);
    if (n === undefined) {
      n = notes.push(move.id === undefined ? [move.at, move.to] : [move.at, move.to, move.id]) - 1;
      index.set(key, n);
    }
    marks[mark] = [move.v, n];
  }
  return { notes, marks };
};

/** Takes a compact document's moves into `into`, each replacing the mark's move before it. */
const expand = (doc: Partial<Compact>, into: Record<string, AcceptedMove>): void => {
  const notes = (Array.isArray(doc.notes) ? doc.notes : []).map(([at, to, id]) =>
    id === undefined ? { at, to } : { at, to, id },
  );
  for (const [mark, [v, n]] of Object.entries(doc.marks ?? {})) {
    const note = notes[n];
    if (note) into[mark] = { v, ...note };
  }
};

interface Stored {
  readonly payloads: readonly (string | null)[];
  readonly upTo: number;
  readonly parts: number;
  readonly moves: AcceptedMoves;
}
/** Per session, the moves as last read, with the payloads they were read from. */
const cache = new WeakMap<Session, Stored>();

/** The stored documents' payloads: the base (or the former document), then each part there is. */
const payloadsOf = async (session: Session, upTo: number): Promise<(string | null)[]> => {
  const payloads: (string | null)[] = [];
  for (let n = upTo + 1; ; n++) {
    const payload = await localDocPayload(session, partId(n));
    if (payload === null) return payloads;
    payloads.push(payload);
  }
};

/** The accepted moves as stored, merged (on the chain). */
const read = async (session: Session): Promise<Stored> => {
  const base = await localDocPayload(session, BASE_ID);
  const former = base === null ? await localDocPayload(session, FORMER_ID) : null;
  const known = cache.get(session);
  const head = base ?? former;
  let upTo = 0;
  let moves: Record<string, AcceptedMove> = {};
  if (known && known.payloads[0] === head) {
    const parts = await payloadsOf(session, known.upTo);
    if (parts.length === known.parts && parts.every((p, i) => p === known.payloads[i + 1])) return known;
  }
  if (base !== null) {
    const value = openLocalDoc<Partial<Base>>(session, BASE_ID, base, {});
    upTo = typeof value.upTo === 'number' ? value.upTo : 0;
    expand(value, moves);
  } else if (former !== null) moves = { ...openLocalDoc<AcceptedMoves>(session, FORMER_ID, former, {}) };
  const parts = await payloadsOf(session, upTo);
  parts.forEach((payload, i) =>
    expand(openLocalDoc<Partial<Compact>>(session, partId(upTo + 1 + i), payload!, {}), moves),
  );
  const stored = { payloads: [head, ...parts], upTo, parts: parts.length, moves: Object.freeze(moves) };
  cache.set(session, stored);
  return stored;
};

/** The moves this device accepted. */
export const readAcceptedMoves = async (session: Session): Promise<AcceptedMoves> =>
  (await onLocalDocChain(() => read(session))).moves;

/**
 * Changes the accepted moves: `next` answers them from those stored (as the chain holds them, so no other
 * write comes between); what it changed (a mark whose move is not the same object) is written as a part.
 */
export const changeAcceptedMoves = <T>(
  session: Session,
  next: (current: AcceptedMoves) => { accepted: AcceptedMoves; result: T },
): Promise<{ accepted: AcceptedMoves; result: T }> =>
  onLocalDocChain(async () => {
    const stored = await read(session);
    const { accepted, result } = next(stored.moves);
    const changed = Object.entries(accepted).filter(([mark, move]) => stored.moves[mark] !== move);
    if (!changed.length) return { accepted: stored.moves, result };
    const part = stored.upTo + stored.parts + 1;
    const moves = Object.freeze(accepted);
    let kept: Stored;
    if (stored.parts + 1 >= COMPACT_AFTER) {
      await writeLocalDoc<Base>(session, BASE_ID, { upTo: part, ...compact(Object.entries(moves)) });
      const gone = Array.from({ length: stored.parts }, (_, i) => partId(stored.upTo + 1 + i));
      const former = stored.payloads[0] !== null && stored.upTo === 0;
      await removeLocalDocs(session, former ? [...gone, FORMER_ID] : gone);
      kept = { payloads: [await localDocPayload(session, BASE_ID)], upTo: part, parts: 0, moves };
    } else {
      await writeLocalDoc<Compact>(session, partId(part), compact(changed));
      const payloads = [...stored.payloads, await localDocPayload(session, partId(part))];
      kept = { payloads, upTo: stored.upTo, parts: stored.parts + 1, moves };
    }
    cache.set(session, kept);
    return { accepted: moves, result };
  });
