// A new device's first sync through the real server (issue 18): pages are written in bulk straight into
// the empty store, and what a user relies on still holds — a person edited on the server while the sync
// runs arrives once, in its later state; a later edit on both devices merges field by field; the status
// says neither done nor "last synced" until the first sync has finished and what it brought is shown.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { BehaviorSubject, filter, firstValueFrom } from 'rxjs';
import type { Storage } from '../../../server/storage/types';
import { Directory } from '../../../shared/directory';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault } from '../../../shared/sync/account';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import type { SyncClient } from '../../../shared/sync/replication';
import type { SyncStatus } from '../../../shared/sync/sync-status';
import { annelies, bram } from '../../fixtures/people';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { signInWithPassphrase, syncClient, type Device } from './two-devices';

const PEOPLE = 24;
/** Several syncs of several devices: room for a loaded 2-core machine. */
const SLOW = 120_000;
/** The server's pull pages are cut at this many bytes: a first sync of PEOPLE people takes many pages. */
const PAGE_BYTES = 6000;

interface Setup {
  server: RunningServer;
  storage: Storage;
  a: Omit<Device, 'sync'>;
  /** The people A made, in order. */
  ids: string[];
  /** Signs in on a new, empty device (B). */
  newDevice(): Promise<Omit<Device, 'sync'>>;
}

const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

/** A server with small pull pages, and device A holding PEOPLE people, all pushed. */
const withPeopleOnServer = async (adapter: 'sqlite' | 'postgres'): Promise<Setup> => {
  const database = await ADAPTERS[adapter]();
  const storage = await database.open();
  await storage.migrate();
  const server = await startServer(storage, { limits: { pullMaxBytes: PAGE_BYTES } });
  const dbs: KluisDatabase[] = [];
  open.push(async () => {
    for (const db of dbs) await db.remove();
    await server.close();
    await storage.close();
    await database.destroy();
  });
  const dbA = await memoryDatabase();
  dbs.push(dbA);
  const session = await (await linkableVault(dbA)).create(PASSPHRASE);
  const linked = await connectVault({ fetch, serverUrl: server.url, db: dbA, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++)
    ids.push((await session.people.create({ ...(i % 2 ? annelies : bram), familyName: `Persoon ${i}` })).id);
  const a = { db: dbA, session, link: linked.value };
  await syncOnce(a);
  return {
    server,
    storage,
    a,
    ids,
    async newDevice() {
      const db = await memoryDatabase();
      dbs.push(db);
      const signedIn = await signInWithPassphrase(fetch, server.url, db, linked.value.userId);
      return { db, session: signedIn.session, link: signedIn.link };
    },
  };
};

const clientFor = async (
  device: Omit<Device, 'sync'>,
  options: Parameters<typeof syncClient>[3] = {},
): Promise<SyncClient> => {
  const client = syncClient(device.db, device.link, false, {
    retryMs: 20,
    conflictHandlers: await conflictHandlersFor(device.session),
    ...options,
  });
  open.push(() => client.stop());
  return client;
};

const syncOnce = async (device: Omit<Device, 'sync'>) => {
  const client = await clientFor(device);
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

/** The pull requests a client made, as their query strings. */
const recordingPulls = () => {
  const pulls: URLSearchParams[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/pull')) pulls.push(url.searchParams);
    return fetch(input, init);
  };
  return { pulls, fetch: recording };
};

/** A full garbage collection (V8's gc, exposed at run time), after the pending tasks have run. */
const collectGarbage = async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
};

const livePeople = async (db: KluisDatabase) =>
  (await db.records.find().exec()).filter((doc) => doc.kind === 'person');

describe.each(['sqlite', 'postgres'] as const)('a first sync on a new device: %s', (adapter) => {
  it(
    'writes every person once; one edited on the server meanwhile arrives once, as edited',
    async () => {
      const setup = await withPeopleOnServer(adapter);
      const { a } = setup;
      const b = await setup.newDevice();
      const first = { id: setup.ids[0]! };
      // While B's first sync is between pages, A edits a person B already has: it comes again, later.
      let edited: Promise<void> | undefined;
      const { pulls, fetch: recording } = recordingPulls();
      const editing: typeof fetch = async (input, init) => {
        const answer = await recording(input, init);
        if (String(input instanceof Request ? input.url : input).includes('/sync/records/pull') && !edited)
          edited = (async () => {
            await a.session.people.update(first.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
            await syncOnce(a);
          })();
        await edited; // the edit is on the server before B asks for its second page
        return answer;
      };
      const client = await clientFor(b, { fetch: editing });
      await client.start();
      await edited;
      await client.awaitInSync();

      // The bulk path ran: byte-sized pages, the first asking how many follow; many pages.
      const recordPulls = pulls.filter((q) => q.get('bytes') !== null);
      expect(recordPulls.length).toBeGreaterThan(3);
      expect(pulls.some((q) => q.get('count') === '1')).toBe(true);
      const people = await livePeople(b.db);
      expect(people).toHaveLength(PEOPLE);
      expect(new Set(people.map((doc) => doc.id)).size).toBe(PEOPLE);
      expect((await b.session.people.get(first.id)).data.jobTitle).toBe('Directeur');
      // Nothing written by the first sync is sent back as a local change.
      expect(client.status.pending).toBe(0);
    },
    SLOW,
  );

  it.each(['resync-required', 'server-restored'] as const)(
    'keeps every person when a page in the middle answers %s and the first sync starts over from 0',
    async (error) => {
      const setup = await withPeopleOnServer(adapter);
      const { a, ids } = setup;
      const b = await setup.newDevice();
      // The second page of records is refused once, as after a purge of tombstones (or a restore) while
      // the first sync ran: the pull starts again from 0, and everything written so far must stay.
      let refused = 0;
      const refusing: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const later = Number(url.searchParams.get('checkpoint')) > 0;
        if (url.pathname.endsWith('/sync/records/pull') && later && refused++ === 0)
          return new Response(JSON.stringify({ ok: false, error }), {
            status: 409,
            headers: { 'content-type': 'application/json' },
          });
        return fetch(input, init);
      };
      const client = await clientFor(b, { fetch: refusing });
      await client.start();
      await client.awaitInSync();
      expect(refused).toBeGreaterThan(1);
      const held = async (device: Omit<Device, 'sync'>) =>
        (await livePeople(device.db)).map((doc) => doc.id).sort();
      expect(await held(b)).toEqual([...ids].sort());
      expect(client.status.pending).toBe(0);
      await client.stop();
      // Later syncs drop no one, on either device.
      await syncOnce(b);
      await syncOnce(a);
      for (const device of [a, b]) {
        expect(await held(device)).toEqual([...ids].sort());
        expect((await device.session.people.get(ids[0]!)).data.familyName).toBe('Persoon 0');
      }
    },
    SLOW,
  );

  it(
    'ends after tombstones were purged, its pages below the horizon taken one after another, never refused',
    async () => {
      const setup = await withPeopleOnServer(adapter);
      const { a, ids, storage } = setup;
      // The last two people are deleted and their tombstones purged: the horizon lies past every page of
      // records but the last, where a checkpoint below it was refused and the pull began again from 0.
      for (const id of ids.slice(-2)) await a.session.people.remove(id);
      await syncOnce(a);
      expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(1);
      const b = await setup.newDevice();
      const refusals: string[] = [];
      const { pulls, fetch: recording } = recordingPulls();
      const counting: typeof fetch = async (input, init) => {
        const response = await recording(input, init);
        if (response.status === 409) refusals.push(String(input instanceof Request ? input.url : input));
        return response;
      };
      const client = await clientFor(b, { fetch: counting });
      await client.start();
      await client.awaitInSync();
      expect(refusals).toEqual([]);
      const records = pulls.filter((query) => Number(query.get('checkpoint')) > 0 && query.has('horizon'));
      expect(records.length).toBeGreaterThan(1);
      expect((await livePeople(b.db)).map((doc) => doc.id).sort()).toEqual(ids.slice(0, -2).sort());
      await client.stop();
    },
    SLOW,
  );

  it(
    'lists everyone, even those whose record came before their key, and keeps no page it wrote in memory',
    async () => {
      const setup = await withPeopleOnServer(adapter);
      const b = await setup.newDevice();
      const directory = await Directory.load(b.session);
      open.push(() => directory.close());
      // Every bulk of changes written into B's store, held weakly: alive afterwards only if kept.
      const bulks: WeakRef<object>[] = [];
      const watching = b.db.records.eventBulks$.subscribe((bulk) => bulks.push(new WeakRef(bulk)));
      const client = await clientFor(b, { settled: () => directory.settle(true) });
      await client.start();
      watching.unsubscribe();
      await directory.settle();
      expect(await livePeople(b.db)).toHaveLength(PEOPLE);
      // Records and keys sync side by side: people whose record came before their key are listed too.
      expect(directory.problems()).toEqual([]);
      expect(directory.people()).toHaveLength(PEOPLE);
      expect(bulks.length).toBeGreaterThan(1);
      await collectGarbage();
      // RxDB's per-event stream, which the directory and the client followed, kept every bulk it had
      // split, with each document's sealed payload: at 100,000 people about 70 MB of the page's heap.
      expect(bulks.filter((bulk) => bulk.deref() !== undefined)).toHaveLength(0);
    },
    SLOW,
  );

  it(
    'merges a later edit of a first-synced person made on both devices, field by field',
    async () => {
      const setup = await withPeopleOnServer(adapter);
      const { a } = setup;
      const b = await setup.newDevice();
      await syncOnce(b);
      const person = { id: setup.ids[0]! };
      await a.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Verkoper' }));
      await b.session.people.update(person.id, (p) => ({
        ...p,
        phones: [{ value: '+31 6 1234 5678', label: 'mobile' }],
      }));
      await syncOnce(a);
      await syncOnce(b);
      await syncOnce(a);
      for (const device of [a, b]) {
        const data = (await device.session.people.get(person.id)).data;
        expect(data.jobTitle).toBe('Verkoper');
        expect(data.phones).toEqual([{ value: '+31 6 1234 5678', label: 'mobile' }]);
        // A merge of different fields leaves no conflict to resolve.
        expect((await device.db.records.find().exec()).filter((doc) => doc.kind === 'conflict')).toEqual([]);
      }
    },
    SLOW,
  );

  it(
    'says neither done nor "last synced" until the first sync is finished and shown',
    async () => {
      const setup = await withPeopleOnServer(adapter);
      const b = await setup.newDevice();
      const shown = new BehaviorSubject(false);
      const client = await clientFor(b, {
        settled: () => firstValueFrom(shown.pipe(filter(Boolean))).then(() => undefined),
      });
      const seen: SyncStatus[] = [];
      client.status$.subscribe((status) => seen.push(status));
      const started = client.start();

      // Every page is in, but what it brought is not shown yet: still a first sync, not done.
      const allIn = await firstValueFrom(
        client.status$.pipe(filter((s) => !!s.firstSync?.total && s.firstSync.received >= s.firstSync.total)),
      );
      expect(await livePeople(b.db)).toHaveLength(PEOPLE);
      expect(allIn).toMatchObject({ syncing: true, lastSyncedAt: null });
      expect(allIn.firstSync!.total).toBeGreaterThanOrEqual(PEOPLE);
      expect(allIn.firstSync!.remainingMs).toBe(0);
      expect(client.status).toMatchObject({ syncing: true, lastSyncedAt: null });

      shown.next(true);
      await started;
      expect(client.status).toMatchObject({ syncing: false, firstSync: null, error: null });
      expect(client.status.lastSyncedAt).not.toBeNull();
      // Before that, no status claimed a time of last sync; the count only grew, page by page.
      const during = seen.filter((s) => s.firstSync !== null);
      expect(during.every((s) => s.lastSyncedAt === null && s.syncing)).toBe(true);
      const counts = during.map((s) => s.firstSync!.received);
      expect(counts).toEqual([...counts].sort((x, y) => x - y));
      expect(new Set(counts).size).toBeGreaterThan(3);
    },
    SLOW,
  );
});
