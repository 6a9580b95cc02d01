// A move's purge, confirmed the way an erasure is (issue 19; erasure/erasure-sync.ts): a device that let go
// of a moved subject (departures.ts) queues the id of the move note that proved the move, and sends the
// queue at its next catch-up; the server records per move and device who confirmed. An admin's device
// hands the server its move notes by id, with the territories left and gone to, which the key pages show
// the server anyway — never a subject id or mark — so the server knows which devices should confirm, and
// the admin reads per move who confirmed and who is outstanding (a device offline stays outstanding until
// it syncs). The admin's view is the server's word: a server could say a device confirmed that did not.
import { err, ok, type Result } from '../platform';
import type { Session } from '../vault';
import { changeLocalDoc, readLocalDoc } from '../vault';
import { territoryRequest, type TerritoryContext, type TerritoryError } from './keys';
import { acceptedMoves, compareMove, movesIn, subjectMark, TERRITORY_MOVE, type MoveNote } from './move';
import type { ConfirmMovesResponse, TerritoryMovesResponse } from './protocol';

/** Move note id → when this device queued its confirmation. */
const QUEUE_ID = 'territory-move-purges';
/** The move notes this admin device handed the server. */
const FOLLOWED_ID = 'territory-moves-followed';
/** A confirmation the server never takes (the move was never handed to it) is dropped after this. */
const QUEUE_DAYS = 30;
const CONFIRM_BATCH = 500;
const FOLLOW_BATCH = 200;

const notesById = async (session: Session): Promise<{ id: string; data: MoveNote }[]> =>
  (await session.settings(TERRITORY_MOVE).list()).records
    .map((r) => ({ id: r.id, data: r.data }))
    .sort((a, b) => a.data.at - b.data.at);

/**
 * Queues the confirmation of these subjects' let-go, by the id of the note of the move this device
 * accepted for each (move.ts; the latest note naming it when none matches).
 */
export const queueMovePurges = async (session: Session, subjectIds: readonly string[]): Promise<void> => {
  if (!subjectIds.length) return;
  const marks = new Set(subjectIds.map((id) => subjectMark(session, id)));
  const accepted = await acceptedMoves(session);
  const chosen = new Map<string, { id: string; same: boolean }>(); // mark → note id (notes oldest first)
  for (const note of await notesById(session))
    for (const { mark, move } of movesIn(note.data)) {
      if (!marks.has(mark)) continue;
      const same = compareMove(move, accepted[mark]) === 'same';
      if (same || !chosen.get(mark)?.same) chosen.set(mark, { id: note.id, same });
    }
  const ids = [...new Set([...chosen.values()].map((c) => c.id))];
  if (!ids.length) return;
  const now = Date.now();
  await changeLocalDoc<Record<string, number>>(session, QUEUE_ID, {}, (current) => {
    const next = { ...current };
    for (const id of ids) next[id] ??= now;
    return next;
  });
};

/** The move ids this device still has to confirm. */
export const queuedMovePurges = async (session: Session): Promise<string[]> =>
  Object.keys(await readLocalDoc<Record<string, number>>(session, QUEUE_ID, {}));

/**
 * Sends the queued confirmations; those the server took leave the queue, the others wait (the admin's
 * device has not handed their move to the server yet). Answers how many the server took.
 */
export const confirmMovePurges = async (ctx: TerritoryContext): Promise<Result<number, TerritoryError>> => {
  const queued = await queuedMovePurges(ctx.session);
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
  if (!queued.length) return ok(0);
  const stale = Date.now() - QUEUE_DAYS * 86_400_000;
  await changeLocalDoc<Record<string, number>>(ctx.session, QUEUE_ID, {}, (current) =>
    Object.fromEntries(Object.entries(current).filter(([id, at]) => !taken.includes(id) && at >= stale)),
  );
  if (taken.length)
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
