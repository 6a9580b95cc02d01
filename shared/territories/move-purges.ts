// A move's purge, confirmed the way an erasure is (issue 19; erasure/erasure-sync.ts): a device confirms a
// move note, by its id, once it holds none of the note's subjects where the note sent them away from — it
// let them go (departures.ts), never received them (created and moved between two of its syncs), or a
// later move brought them to a territory it holds — and sends the queue at its next catch-up; the server
// records per move and device who confirmed. An admin's device hands the server its move notes by id,
// with the territories left and gone to, which the key pages show the server anyway — never a subject id
// or mark — so the server knows which devices should confirm, and the admin reads per move who confirmed
// and who is outstanding (a device offline stays outstanding until it syncs). A confirmation says what
// the device holds when it is queued. The admin's view is the server's word: a server could say a device
// confirmed that did not.
import { err, ok, type Result } from '../platform';
import { keyPageEntries } from '../store';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { territoryRequest, type TerritoryContext, type TerritoryError } from './keys';
import { latestMoves, subjectMark, TERRITORY_MOVE, type MoveNote } from './move';
import type { ConfirmMovesResponse, TerritoryMovesResponse } from './protocol';
import { territoryOfKeyId } from './tags';

/** Move note id → when this device queued its confirmation. */
const QUEUE_ID = 'territory-move-purges';
/** The move notes whose confirmation the server took. */
const CONFIRMED_ID = 'territory-move-purges-confirmed';
/** The subjects still leaving this device (departures.ts keeps them under this id). */
const DEPARTED_ID = 'territory-departed';
/** The move notes this admin device handed the server. */
const FOLLOWED_ID = 'territory-moves-followed';
/**
 * The most confirmations queued at once. A confirmation waits until the server follows its move (an
 * admin's device hands it over), however long that takes; notes beyond this wait to be queued.
 */
const QUEUE_MAX = 2_000;
const CONFIRM_BATCH = 500;
const FOLLOW_BATCH = 200;

const notesById = async (session: Session): Promise<{ id: string; data: MoveNote }[]> =>
  (await session.settings(TERRITORY_MOVE).list()).records
    .map((r) => ({ id: r.id, data: r.data }))
    .sort((a, b) => a.data.at - b.data.at);

/** The marks of the subjects this device holds: in its key pages, or still leaving (records not let go). */
const heldMarks = async (session: Session): Promise<Set<string>> => {
  const ids = new Set(Object.keys(await readLocalDoc<Record<string, unknown>>(session, DEPARTED_ID, {})));
  for (const page of await session.db.keys.find().exec())
    for (const id of Object.keys(keyPageEntries(page.payload))) ids.add(id);
  return new Set([...ids].map((id) => subjectMark(session, id)));
};

/**
 * Queues every move note not queued or confirmed yet whose subjects this device holds none of where the
 * note sent them away from: each subject is either not held here, or its latest move (move.ts) went to a
 * territory this device holds. A note whose subject is still to be let go waits for a later call.
 */
const queueSettledMoves = async (session: Session): Promise<void> => {
  const [queue, confirmed] = await Promise.all([
    readLocalDoc<Record<string, number>>(session, QUEUE_ID, {}),
    readLocalDoc<string[]>(session, CONFIRMED_ID, []),
  ]);
  const room = QUEUE_MAX - Object.keys(queue).length;
  if (room <= 0) return;
  const known = new Set([...Object.keys(queue), ...confirmed]);
  const notes = await notesById(session);
  const open = notes.filter((n) => !known.has(n.id));
  if (!open.length) return;
  const latest = await latestMoves(session); // mark → where its latest accepted move went
  const territories = new Set([...session.territoryKeys.keys()].map(territoryOfKeyId));
  let held: Set<string> | undefined; // read only when a subject's latest move left this device's territories
  const settled: string[] = [];
  for (const note of open) {
    if (settled.length >= room) break;
    let clear = true;
    for (const { mark } of note.data.subjects) {
      if (territories.has(latest.get(mark) ?? note.data.to)) continue;
      held ??= await heldMarks(session);
      if (held.has(mark)) {
        clear = false;
        break;
      }
    }
    if (clear) settled.push(note.id);
  }
  if (!settled.length) return;
  const now = Date.now();
  await changeLocalDoc<Record<string, number>>(session, QUEUE_ID, {}, (current) => {
    const next = { ...current };
    for (const id of settled) next[id] ??= now;
    return next;
  });
};

/**
 * Queues the confirmation of these subjects' let-go: every move note naming them, once this device holds
 * none of the note's subjects where it sent them away from (a note of an earlier move too, so a device
 * that syncs after two moves of a subject confirms both).
 */
export const queueMovePurges = async (session: Session, subjectIds: readonly string[]): Promise<void> => {
  if (subjectIds.length) await queueSettledMoves(session);
};

/** The move ids this device still has to confirm. */
export const queuedMovePurges = async (session: Session): Promise<string[]> =>
  Object.keys(await readLocalDoc<Record<string, number>>(session, QUEUE_ID, {}));

/**
 * Queues the move notes this device now holds nothing of (queueSettledMoves), then sends the queue,
 * oldest first; those the server took leave the queue, the others wait, however long, until the server
 * follows their move (an admin's device hands it over). Answers how many the server took.
 */
export const confirmMovePurges = async (ctx: TerritoryContext): Promise<Result<number, TerritoryError>> => {
  await queueSettledMoves(ctx.session);
  const current = await readLocalDoc<Record<string, number>>(ctx.session, QUEUE_ID, {});
  const queued = Object.keys(current).sort((a, b) => current[a]! - current[b]!);
  const taken: string[] = [];
  for (let start = 0; start < queued.length; start += CONFIRM_BATCH) {
    const moveIds = queued.slice(start, start + CONFIRM_BATCH);
    const sent = await territoryRequest<ConfirmMovesResponse>(ctx, 'POST', '/territories/moves/confirm', {
      moveIds,
    });
    if (!sent.ok) return sent;
    if (!Array.isArray(sent.value?.confirmed)) return err('bad-response');
    taken.push(...sent.value.confirmed.filter((id) => moveIds.includes(id)));
  }
  if (!taken.length) return ok(0);
  const gone = new Set(taken);
  await changeLocalDoc<string[]>(ctx.session, CONFIRMED_ID, [], (done) => [...new Set([...done, ...taken])]);
  await changeLocalDoc<Record<string, number>>(ctx.session, QUEUE_ID, {}, (latest) =>
    Object.fromEntries(Object.entries(latest).filter(([id]) => !gone.has(id))),
  );
  await ctx.session.audit.record({
    action: 'territory',
    kind: 'territory-let-go-confirmed',
    recordIds: [],
    details: { moves: taken.length },
  });
  return ok(taken.length);
};

/** Hands the server the move notes it does not follow yet (an admin's device); answers how many. */
export const followMoves = async (ctx: TerritoryContext): Promise<Result<number, TerritoryError>> => {
  const followed = new Set(await readLocalDoc<string[]>(ctx.session, FOLLOWED_ID, []));
  const notes = (await notesById(ctx.session)).filter((n) => !followed.has(n.id));
  for (let start = 0; start < notes.length; start += FOLLOW_BATCH) {
    const batch = notes.slice(start, start + FOLLOW_BATCH);
    const moves = batch.map((n) => ({
      moveId: n.id,
      to: n.data.to,
      from: [...new Set(n.data.subjects.map((s) => s.from))],
    }));
    const sent = await territoryRequest<unknown>(ctx, 'POST', '/territories/moves', { moves });
    if (!sent.ok) return sent;
    await changeLocalDoc<string[]>(ctx.session, FOLLOWED_ID, [], (current) => [
      ...new Set([...current, ...batch.map((n) => n.id)]),
    ]);
  }
  return ok(notes.length);
};

/** A move as the admin sees it: the note (when it opens here) and the server's word on its devices. */
export interface MoveStatus extends Omit<TerritoryMovesResponse['moves'][number], 'at'> {
  readonly followedAt: number;
  readonly note: MoveNote | null;
}

/** The moves the server follows, newest first, each with its note from this device. */
export const moveStatuses = async (ctx: TerritoryContext): Promise<Result<MoveStatus[], TerritoryError>> => {
  const listed = await territoryRequest<TerritoryMovesResponse>(ctx, 'GET', '/territories/moves');
  if (!listed.ok) return listed;
  if (!Array.isArray(listed.value?.moves)) return err('bad-response');
  const notes = new Map((await notesById(ctx.session)).map((n) => [n.id, n.data]));
  return ok(
    listed.value.moves.map(({ at, ...move }) => ({
      ...move,
      followedAt: at,
      note: notes.get(move.moveId) ?? null,
    })),
  );
};
