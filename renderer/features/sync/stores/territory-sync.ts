// Territories on this device's sync (issue 19, point 2): the keys of the territories its user holds are
// read from the server before sync starts and after every catch-up, and every pull passes the guard
// (shared/territories), which drops another territory's documents, reports them, and lets go of subjects
// that left. The replication's identifier names the territories held, so a device that gains one pulls
// again from the start — the server's filter hid that territory's older documents from it — while an
// organisation without territories keeps the identifier it always had. On a device of one territory,
// new people and organisations go into it from the start. A territory the server stops granting is kept,
// key and data, unless an admin's definition proves the removal (shared/territories/withheld.ts). A
// territory gained while the sync runs is read at once when its first document arrives (the guard asks
// for the grants again before refusing it); its older documents come at the next start, under the new
// identifier. At each catch-up the device confirms the moved subjects it let go of (move-purges.ts).
import type { AccountLink, Fetch } from '../../../../shared/sync';
import {
  confirmMovePurges,
  followMoves,
  guardedFetch,
  markFirstArrivalsSkipped,
  takeLeftOutArrivals,
  type GuardDecisions,
  placeNewSubjects,
  refreshHeldTerritories,
  TerritoryGuard,
  territoryOfKeyId,
} from '../../../../shared/territories';
import type { Session } from '../../../../shared/vault';
import { trackTerritoryRotations } from './territory-rotations';

export interface TerritorySync {
  /** The fetch the sync client uses: pulls and the event stream through the guard. */
  readonly fetch: Fetch;
  /** The guard itself, for the sync worker, which fetches there and asks the page to decide. */
  readonly guard: GuardDecisions;
  /** Appended to the replication identifier: empty without territories. */
  readonly identifierSuffix: string;
  /**
   * Notes on this device that its first sync left out the move notes of first arrivals into territories
   * it does not hold (SyncClientOptions.firstArrivals; shared/territories markFirstArrivalsSkipped).
   */
  readonly firstArrivals: () => Promise<void>;
  /**
   * Reads the grants again (a territory gained or lost) and sends the moves' purges; failures wait for
   * the next catch-up. Subjects that left are let go through watchLetGo.
   */
  catchUp(): Promise<void>;
  /**
   * Calls `pull` (the sync client's reSync) as soon as subjects that left this device can be let go,
   * which happens on those pulls, whichever came last of their key page and their move note; answers the
   * unsubscribe (TerritoryGuard.watchLetGo).
   */
  watchLetGo(pull: () => void): () => void;
}

export const territorySync = async (
  session: Session,
  link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId' | 'role'>,
  fetch: Fetch,
): Promise<TerritorySync> => {
  const refresh = async () => {
    // Offline, or a server without territory routes: the keys stored on this device stay as they are;
    // a grant left out without an admin's removal is kept too.
    // On an admin's device this pass also makes and finishes territory key rotations: Settings shows them.
    await trackTerritoryRotations((onProgress) =>
      refreshHeldTerritories({ fetch, link, session, onProgress }),
    ).catch(() => undefined);
    // Locked while the server answered (the user locked, or signed out): there is no session to place in.
    if (!session.isLocked) placeNewSubjects(session, link.role);
  };
  await refresh();
  // By tag, not key id: a territory whose key moved to a new epoch is still the same territory.
  const heldNow = () =>
    [...new Set([...session.territoryKeys.keys()].map(territoryOfKeyId).filter(Boolean))].sort().join(',');
  const held = heldNow();
  // A departure waiting for a note this device's first sync left out takes in those notes (arrivals-recovery).
  const recover = () => takeLeftOutArrivals({ fetch, link, session });
  const guard = new TerritoryGuard(session, link.role, Date.now, refresh, recover);
  return {
    fetch: guardedFetch(fetch, guard),
    guard,
    // Admins hold every territory and the server filters nothing for them: their identifier stays.
    identifierSuffix: held && link.role !== 'admin' ? `|${held}` : '',
    watchLetGo: (pull) => guard.watchLetGo(pull),
    firstArrivals: () => markFirstArrivalsSkipped(session),
    catchUp: async () => {
      await refresh();
      if (session.isLocked) return;
      // Moves' purges (shared/territories/move-purges.ts): an admin's device hands the server its move
      // notes, every device confirms the subjects it let go of; failures wait for the next catch-up.
      const ctx = { fetch, link, session };
      if (link.role === 'admin') await followMoves(ctx).catch(() => undefined);
      // A device whose user became an admin after a first sync that left first arrivals out takes them in
      // before it writes a move (its versions count from what it accepted; nothing to do otherwise).
      if (link.role === 'admin') await takeLeftOutArrivals(ctx).catch(() => undefined);
      await confirmMovePurges(ctx).catch(() => undefined);
    },
  };
};
