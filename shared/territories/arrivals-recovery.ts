// When a first arrival a device's first sync left out is needed after all (issue 19 bench; first-arrivals.ts).
// A new device leaves out the move notes of first arrivals into territories it does not hold, for it never
// held those subjects. One case breaks that: a move that ran while the first sync did. The admin's device
// writes the note, then the new page, then drops the subject from its organisation-wide page; a first sync
// whose settings pull passed the note (leaving it out) and whose key pull read the page before the drop
// holds the subject, and then sees the page lose it with no note to prove the move (departures.ts: the
// departure waits, the device can still read the subject, audited as 'territory-withheld').
//
// Such a device then takes in the organisation's first-arrival notes from the server's ordinary pull
// (without `arrivals`), from where it got to the last time (first-arrivals.ts keeps the checkpoint), so the
// waiting departure is proved and the subject let go with the next pulls (guard.ts). A note counts only
// when a trusted admin device signed it (signed-settings.ts) and settles as a pull's notes do (move.ts:
// versions); nothing is held or stored here — the accepted moves keep what was taken in, and the sync's own
// pulls keep storing and holding settings as before. Taken in, it is audited ('territory-arrivals-recovered',
// counts only). Offline, refused or locked, nothing changes; a device asks at most once per
// RECOVER_AFTER_MS, so a departure a lying server keeps unproved costs one small pull now and then.
import { organisationTag } from '../store';
import { MAX_PULL_LIMIT, ROUTES, serverClient, type Fetch, type ServerLink } from '../sync';
import type { Session } from '../vault';
import { readAcceptedMoves } from './accepted-moves';
import { TERRITORY } from './definitions';
import type { Wire } from './departures';
import {
  arrivalsHorizon,
  arrivalsTakenThrough,
  firstArrivalsSkipped,
  noteArrivalsTakenThrough,
} from './first-arrivals';
import { takeMoveNotes, TERRITORY_MOVE, type NoteRecord } from './move';
import { openSetting } from './open-setting';
import { admissionTrust } from './signed-settings';
import { territoryOfDocument } from './tags';

/** How long after one recovery a device asks again. */
export const RECOVER_AFTER_MS = 30_000;

export interface RecoveryContext {
  readonly fetch: Fetch;
  readonly link: Pick<ServerLink, 'serverUrl' | 'token'>;
  readonly session: Session;
  readonly now?: () => number;
}

const lastAsked = new WeakMap<Session, number>();

/** The pulled first-arrival notes this device has not taken in and a trusted admin device signed. */
const countingArrivals = async (session: Session, documents: readonly Wire[]): Promise<NoteRecord[]> => {
  const prefix = `${organisationTag(session.orgKeyId)}_`;
  const { taken } = await readAcceptedMoves(session);
  const trust = await admissionTrust(
    session,
    {
      territory: async () => (await session.settings(TERRITORY).list()).records,
      'territory-move': async () => (await session.settings(TERRITORY_MOVE).list()).records,
    },
    [],
  );
  const notes: NoteRecord[] = [];
  for (const doc of documents) {
    // Only what a first sync left out: first arrivals (territoryOfDocument reads their id and kind).
    if (doc._deleted === true || !doc.id.startsWith(prefix) || territoryOfDocument('settings', doc) === null)
      continue;
    if (typeof doc.payload !== 'string' || taken.get(doc.id) === doc.payload) continue;
    const data = openSetting(session, TERRITORY_MOVE, doc);
    const id = doc.id.slice(prefix.length);
    if (data && trust.decide(TERRITORY_MOVE.kind, id, data) === 'take')
      notes.push({ id, data, sealed: { id: doc.id, payload: doc.payload } });
  }
  return notes;
};

/**
 * Takes in the first-arrival notes this device left out (see above); answers how many notes it took in
 * (0 when it never left any out, or asked less than RECOVER_AFTER_MS ago). Throws when the server cannot
 * be asked or the accepted moves do not open: nothing changes then.
 */
export const takeLeftOutArrivals = async (ctx: RecoveryContext): Promise<number> => {
  const { session } = ctx;
  if (!(await firstArrivalsSkipped(session))) return 0;
  const now = (ctx.now ?? Date.now)();
  const last = lastAsked.get(session);
  if (last !== undefined && now - last < RECOVER_AFTER_MS) return 0;
  lastAsked.set(session, now);
  const client = serverClient(ctx.fetch, ctx.link);
  let checkpoint = await arrivalsTakenThrough(session);
  let taken = 0;
  // The horizon the page that gave the checkpoint was read at goes back with it where it counts (as in
  // resync.ts): a purge of tombstones since makes the server refuse the checkpoint, and the notes are
  // read again from the start, once (taking a note twice changes nothing). A server from before horizons
  // refuses the parameter: asked again without it.
  let horizon = await arrivalsHorizon(session);
  let restarted = false;
  for (;;) {
    const query = { checkpoint, limit: MAX_PULL_LIMIT };
    const sent = checkpoint > 0 && checkpoint < horizon;
    const reply = await client.call(ROUTES.pull, {
      params: { collection: 'settings' },
      query: sent ? { ...query, horizon } : query,
    });
    if (!reply.ok && reply.error === 'bad-request' && sent) {
      horizon = 0;
      continue;
    }
    if (!reply.ok && reply.error === 'resync-required' && checkpoint > 0 && !restarted) {
      [checkpoint, horizon, restarted] = [0, 0, true];
      continue;
    }
    if (!reply.ok) throw new Error(`the organisation's move notes could not be pulled: ${reply.error}`);
    const page = reply.value;
    horizon = page.horizon ?? 0;
    const notes = await countingArrivals(session, page.documents as unknown as Wire[]);
    if (notes.length) taken += (await takeMoveNotes(session, notes)).taken.length;
    if (page.checkpoint <= checkpoint) break;
    checkpoint = page.checkpoint;
    await noteArrivalsTakenThrough(session, checkpoint, horizon);
    if (!page.more && page.documents.length < MAX_PULL_LIMIT) break;
  }
  if (taken)
    await session.audit.record({
      action: 'territory',
      kind: 'territory-arrivals-recovered',
      recordIds: [],
      details: { notes: taken },
    });
  return taken;
};
