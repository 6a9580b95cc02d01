// When a first arrival a device's first sync left out is needed after all (issue 19 bench; first-arrivals.ts).
// A new device leaves out the move notes of first arrivals into territories it does not hold, for it never
// held those subjects. One case breaks that: a move that ran while the first sync did. The admin's device
// writes the note, then the new page, then drops the subject from its organisation-wide page; a first sync
// whose settings pull passed the note (leaving it out) and whose key pull read the page before the drop
// holds the subject, and then sees the page lose it with no note to prove the move (departures.ts: the
// departure waits, the device can still read the subject, audited as 'territory-withheld').
//
// Such a device then takes in, once, every first-arrival note of the organisation from the server's
// ordinary pull (from the start, without `arrivals`): admitted as any pull is (replays.ts: signatures and
// versions), their moves go into the accepted moves, so the waiting departure is proved and the subject let
// go with the next pulls (guard.ts). The notes themselves are not stored again: what was accepted is kept.
// Once done, the device no longer counts as one that left first arrivals out (the stricter `ahead` base,
// move.ts), and it is audited ('territory-arrivals-recovered', counts only). Offline, or refused, nothing
// changes and the next waiting departure tries again.
import { MAX_PULL_LIMIT, ROUTES, serverClient, type Fetch, type ServerLink } from '../sync';
import type { Session } from '../vault';
import type { Wire } from './departures';
import { firstArrivalsSkipped, firstArrivalsTaken } from './first-arrivals';
import { TERRITORY_MOVE } from './move';
import { admitTerritorySettings } from './replays';
import { territoryOfDocument } from './tags';

export interface RecoveryContext {
  readonly fetch: Fetch;
  readonly link: Pick<ServerLink, 'serverUrl' | 'token'>;
  readonly session: Session;
}

/**
 * Takes in the organisation's first-arrival notes when this device left them out; answers how many were
 * taken in (0 when it never left any out). Throws when the server cannot be asked: nothing changes then.
 */
export const takeLeftOutArrivals = async ({ fetch, link, session }: RecoveryContext): Promise<number> => {
  if (!(await firstArrivalsSkipped(session))) return 0;
  const client = serverClient(fetch, link);
  let checkpoint = 0;
  let taken = 0;
  for (;;) {
    const reply = await client.call(ROUTES.pull, {
      params: { collection: 'settings' },
      query: { checkpoint, limit: MAX_PULL_LIMIT },
    });
    if (!reply.ok) throw new Error(`the organisation's move notes could not be pulled: ${reply.error}`);
    const page = reply.value;
    // Only what the first sync left out: notes of first arrivals (their territory is in their id).
    const arrivals = (page.documents as unknown as Wire[]).filter(
      (doc) => doc.kind === TERRITORY_MOVE.kind && territoryOfDocument('settings', doc) !== null,
    );
    if (arrivals.length) taken += (await admitTerritorySettings(session, arrivals)).length;
    const last = !page.more && page.documents.length < MAX_PULL_LIMIT;
    if (last || page.checkpoint <= checkpoint) break;
    checkpoint = page.checkpoint;
  }
  await firstArrivalsTaken(session);
  await session.audit.record({
    action: 'territory',
    kind: 'territory-arrivals-recovered',
    recordIds: [],
    details: { notes: taken },
  });
  return taken;
};
