// A sales device's first sync takes in the first arrivals of its own territories only (issue 19 bench), on
// both storage adapters. Applying the rules moves every subject from the organisation-wide pages into a
// territory, and each move leaves a move note; a device that joins afterwards never held the subjects
// that arrived elsewhere, so its first settings pull asks the server (`arrivals=held`) to leave those
// notes out and notes on the device that it did. It still takes in every later move, out of or into its
// territory (a move from another territory at version 2, whose version 1 it never saw, counts), and lets
// go as before. A device whose sync does not ask (an older client) receives every note. A move that ran
// while the first sync did can leave the device holding a subject whose note it left out: when the page
// then loses the subject, the device takes in the organisation's first arrivals once and lets it go.
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../../shared/sync';
import {
  acceptedMoves,
  arrivalsTakenThrough,
  firstArrivalsSkipped,
  firstArrivalTerritory,
  guardedFetch,
  markFirstArrivalsSkipped,
  moveToTerritory,
  refreshHeldTerritories,
  subjectMark,
  RECOVER_AFTER_MS,
  takeLeftOutArrivals,
  TERRITORY_MOVE,
  territoryOfDocument,
  TerritoryGuard,
} from '../../../shared/territories';
import type { Session } from '../../../shared/vault';
import { territorySync } from '../../../renderer/features/sync/stores/territory-sync';
import { bram } from '../../fixtures/people';
import { channelSyncClient } from '../../helpers/sync-channel';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { names, twoTerritories } from './organisation';
import { openSynced, useTerritoryServer, type TerritoryServer } from './setup';

/** The territories of the first-arrival notes stored on the device (by note id). */
const firstArrivalsHeld = async (session: Session) =>
  (await session.settings(TERRITORY_MOVE).list()).records
    .map((n) => firstArrivalTerritory(n.id))
    .filter((tag): tag is string => tag !== null)
    .sort();

/**
 * Sales device A after a first sync that left the first arrivals elsewhere out, and a recovery context on
 * a clock of its own whose fetch notes the URLs it asks for.
 */
const leftOut = async (current: TerritoryServer) => {
  const organisation = await twoTerritories(current);
  const a = await organisation.salesA.open();
  ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
  await a.sync(guardedFetch(fetch, a.guard), { firstArrivals: () => markFirstArrivalsSkipped(a.session) });
  const clock = { now: 1_000_000 };
  const pulls: string[] = [];
  const counting: Fetch = (input, init) => {
    pulls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return fetch(input, init);
  };
  const ctx = { fetch: counting, link: a.link, session: a.session, now: () => clock.now };
  return { ...organisation, a, clock, pulls, ctx };
};

describe.each(['sqlite', 'postgres'] as const)('first arrivals in a first sync (%s)', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it('a new sales device takes in its own first arrivals only, and every later move', async () => {
    const { admin, salesA, salesB, ids, north, south } = await twoTerritories(fixture.current);
    const sent: string[] = [];
    const recording: Fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      sent.push(url);
      return fetch(input, init);
    };
    const a = await salesA.open();
    try {
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      const firstArrivals = () => markFirstArrivalsSkipped(a.session);
      const sync = () => a.sync(guardedFetch(recording, a.guard), { firstArrivals });
      await sync();
      expect(sent.some((u) => u.includes('/sync/settings/pull') && u.includes('arrivals=held'))).toBe(true);
      expect(await firstArrivalsSkipped(a.session)).toBe(true);
      // South's first arrival never reached the device; north's did, and north's customer is readable.
      expect(await firstArrivalsHeld(a.session)).toEqual([north.data.tag]);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      const southMark = subjectMark(a.session, ids.south);
      expect((await acceptedMoves(a.session))[southMark]).toBeUndefined();

      // South's customer moves north (version 2, whose version 1 this device never saw): taken in.
      sent.length = 0;
      expect((await moveToTerritory(admin.session, [ids.south], north.data)).moved).toBe(1);
      await admin.sync();
      await sync();
      expect(sent.some((u) => u.includes('arrivals=held'))).toBe(false); // no longer a first sync
      expect(await names(a.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
      expect((await acceptedMoves(a.session))[southMark]).toMatchObject({ v: 2, to: north.data.tag });

      // And back south (version 3): the device lets go of the customer, proved by the note.
      expect((await moveToTerritory(admin.session, [ids.south], south.data)).moved).toBe(1);
      await admin.sync();
      await sync();
      await sync();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await acceptedMoves(a.session))[southMark]).toMatchObject({ v: 3, to: south.data.tag });
      const kinds = (await a.session.audit.entries()).entries.map((e) => e.kind);
      expect(kinds).toContain('territory-let-go');
      expect(kinds).not.toContain('territory-replay-refused');
    } finally {
      await a.close();
    }

    // A device whose sync does not ask receives every first arrival, as before.
    const b = await openSynced(salesB);
    try {
      expect(await firstArrivalsSkipped(b.session)).toBe(false);
      expect(await firstArrivalsHeld(b.session)).toEqual([north.data.tag, south.data.tag].sort());
    } finally {
      await b.close();
    }
  });

  it('a note left out by the first sync and needed after all is taken in, and the subject let go', async () => {
    const { admin, salesA, ids, south } = await twoTerritories(fixture.current);
    const a = await salesA.open();
    try {
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      const recover = () => takeLeftOutArrivals({ fetch, link: a.link, session: a.session });
      const guard = new TerritoryGuard(a.session, a.link.role, Date.now, null, recover);
      const firstArrivals = () => markFirstArrivalsSkipped(a.session);
      await a.sync(guardedFetch(fetch, guard), { firstArrivals });
      // The organisation-wide customer is held here, as on every device.
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      // It moves south while the device's first sync runs: the sync passed the move's note (left out, as
      // a first arrival elsewhere) and then sees the organisation-wide page lose the customer.
      expect((await moveToTerritory(admin.session, [ids.elsewhere], south.data)).moved).toBe(1);
      await admin.sync();
      const liar = lyingServer();
      const southArrival = (doc: { kind?: unknown; id?: unknown }) =>
        doc.kind === TERRITORY_MOVE.kind && territoryOfDocument('settings', doc) === south.data.tag;
      liar.lie('GET', '/sync/settings/pull', (value) => ({
        ...value,
        documents: (value.documents as { kind?: unknown; id?: unknown }[]).filter((d) => !southArrival(d)),
      }));
      await a.sync(guardedFetch(liar.fetch, guard));
      await guard.recoverArrivals();
      const kinds = async () => (await a.session.audit.entries()).entries.map((e) => e.kind);
      expect(await kinds()).toContain('territory-withheld');
      expect(await kinds()).toContain('territory-arrivals-recovered');
      // The device still counts as one that left first arrivals out, and keeps how far it took them in.
      expect(await firstArrivalsSkipped(a.session)).toBe(true);
      expect(await arrivalsTakenThrough(a.session)).toBeGreaterThan(0);

      // Proved now: the next pulls let the customer go.
      await a.sync(guardedFetch(fetch, guard));
      expect(await names(a.session)).toEqual(['Annelies']);
      expect(await kinds()).toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });

  it("the app's sync, across the sync worker's channel, leaves them out the same", async () => {
    const { salesA, north } = await twoTerritories(fixture.current);
    const sent: string[] = [];
    const recording: Fetch = (input, init) => {
      sent.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return fetch(input, init);
    };
    const a = await salesA.open();
    try {
      const sync = await territorySync(a.session, a.link, fetch);
      const client = channelSyncClient(a.db, a.link, false, {
        fetch: recording,
        guard: sync.guard,
        firstArrivals: sync.firstArrivals,
      });
      try {
        await client.start();
        await client.awaitInSync();
      } finally {
        await client.stop();
      }
      expect(sent.some((u) => u.includes('/sync/settings/pull') && u.includes('arrivals=held'))).toBe(true);
      expect(await firstArrivalsSkipped(a.session)).toBe(true);
      expect(await firstArrivalsHeld(a.session)).toEqual([north.data.tag]);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
    } finally {
      await a.close();
    }
  });

  it('a server from before `arrivals` refuses it: the first sync takes every note, as before', async () => {
    const { salesA, north, south } = await twoTerritories(fixture.current);
    // The query the server does not know is refused as a bad request, as an older server's strict query is.
    const older: Fetch = (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.searchParams.has('arrivals')) url.searchParams.set('unknown', '1');
      return fetch(url.href, init);
    };
    const a = await salesA.open();
    try {
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      await a.sync(guardedFetch(older, a.guard), {
        firstArrivals: () => markFirstArrivalsSkipped(a.session),
      });
      expect(await firstArrivalsHeld(a.session)).toEqual([north.data.tag, south.data.tag].sort());
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
    } finally {
      await a.close();
    }
  });

  it('takes left-out arrivals in from where it got to, at most once per half minute', async () => {
    const { admin, a, ids, south, clock, pulls, ctx } = await leftOut(fixture.current);
    try {
      const southMark = subjectMark(a.session, ids.south);
      const elsewhereMark = subjectMark(a.session, ids.elsewhere);
      // South's first arrival, left out by the first sync, is taken in.
      expect(await takeLeftOutArrivals(ctx)).toBe(1);
      expect((await acceptedMoves(a.session))[southMark]).toMatchObject({ v: 1, to: south.data.tag });
      const through = await arrivalsTakenThrough(a.session);

      // A later first arrival elsewhere: not asked for again within the half minute, then from `through`.
      expect((await moveToTerritory(admin.session, [ids.elsewhere], south.data)).moved).toBe(1);
      await admin.sync();
      clock.now += RECOVER_AFTER_MS - 1;
      expect(await takeLeftOutArrivals(ctx)).toBe(0);
      clock.now += 1;
      pulls.length = 0;
      expect(await takeLeftOutArrivals(ctx)).toBe(1);
      expect(pulls.every((u) => !u.includes('checkpoint=0'))).toBe(true);
      expect(pulls[0]).toContain(`checkpoint=${through}`);
      expect((await acceptedMoves(a.session))[elsewhereMark]).toMatchObject({ v: 1, to: south.data.tag });
      expect(await arrivalsTakenThrough(a.session)).toBeGreaterThan(through);
    } finally {
      await a.close();
    }
  });

  it('reads the notes again from the start when tombstones were purged past where it got to', async () => {
    const { admin, a, ids, south, clock, pulls, ctx } = await leftOut(fixture.current);
    try {
      expect(await takeLeftOutArrivals(ctx)).toBe(1);
      const through = await arrivalsTakenThrough(a.session);
      // A later first arrival, then a deletion whose tombstone is purged: the server's horizon passes
      // `through`, and a pull from there is refused (the server cannot say what was deleted before it).
      expect((await moveToTerritory(admin.session, [ids.elsewhere], south.data)).moved).toBe(1);
      const passing = await admin.session.people.create({ ...bram, givenName: 'Voorbij' });
      await admin.session.people.remove(passing.id);
      await admin.sync();
      expect(await fixture.current.storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
      clock.now += RECOVER_AFTER_MS;
      pulls.length = 0;
      expect(await takeLeftOutArrivals(ctx)).toBe(1);
      expect(pulls[0]).toContain(`checkpoint=${through}`);
      expect(pulls[1]).toContain('checkpoint=0');
      const elsewhereMark = subjectMark(a.session, ids.elsewhere);
      expect((await acceptedMoves(a.session))[elsewhereMark]).toMatchObject({ v: 1, to: south.data.tag });
      // The horizon its last page was read at is kept with where it got to: no purge since, so the next
      // recovery goes on from there, though its checkpoint lies below the horizon.
      clock.now += RECOVER_AFTER_MS;
      pulls.length = 0;
      expect(await takeLeftOutArrivals(ctx)).toBe(0);
      expect(pulls.length).toBeGreaterThan(0);
      expect(pulls.every((u) => !u.includes('checkpoint=0'))).toBe(true);
    } finally {
      await a.close();
    }
  });
});
