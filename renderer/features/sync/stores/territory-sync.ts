// Territories on this device's sync (issue 19, point 2): the keys of the territories its user holds are
// read from the server before sync starts and after every catch-up, and every pull passes the guard
// (shared/territories), which drops another territory's documents, reports them, and lets go of subjects
// that left. The replication's identifier names the territories held, so a device that gains one pulls
// again from the start — the server's filter hid that territory's older documents from it — while an
// organisation without territories keeps the identifier it always had. On a device of one territory,
// new people and organisations go into it from the start. A territory the server stops granting is kept,
// key and data, unless an admin's definition proves the removal (shared/territories/withheld.ts).
import type { AccountLink, Fetch } from '../../../../shared/sync';
import {
  guardedFetch,
  type GuardDecisions,
  placeNewSubjects,
  refreshHeldTerritories,
  TerritoryGuard,
} from '../../../../shared/territories';
import type { Session } from '../../../../shared/vault';

export interface TerritorySync {
  /** The fetch the sync client uses: pulls and the event stream through the guard. */
  readonly fetch: Fetch;
  /** The guard itself, for the sync worker, which fetches there and asks the page to decide. */
  readonly guard: GuardDecisions;
  /** Appended to the replication identifier: empty without territories. */
  readonly identifierSuffix: string;
  /** Reads the grants again (a territory gained or lost); failures wait for the next catch-up. */
  catchUp(): Promise<void>;
}

export const territorySync = async (
  session: Session,
  link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId' | 'role'>,
  fetch: Fetch,
): Promise<TerritorySync> => {
  const refresh = async () => {
    // Offline, or a server without territory routes: the keys stored on this device stay as they are;
    // a grant left out without an admin's removal is kept too.
    await refreshHeldTerritories({ fetch, link, session }).catch(() => undefined);
    // Locked while the server answered (the user locked, or signed out): there is no session to place in.
    if (!session.isLocked) placeNewSubjects(session, link.role);
  };
  await refresh();
  const held = [...session.territoryKeys.keys()].sort().join(',');
  const guard = new TerritoryGuard(session, link.role);
  return {
    fetch: guardedFetch(fetch, guard),
    guard,
    identifierSuffix: held ? `|${held}` : '',
    catchUp: refresh,
  };
};
