// A device offline past the tombstone horizon is forced to resync from 0 (issue 3): it drops what the
// server deleted and purged meanwhile, and keeps its own writes that never reached the server. The
// horizon its pages were read at is kept with its checkpoints: a start after the purge with nothing
// written since goes on without a resync, and a resync cut off past the horizon starts over from 0.
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../shared/sync/protocol';
import { annelies, bram } from '../../fixtures/people';
import { useTwoDevices, catchUpThenOffline, syncClient, type Device } from './two-devices';

const newDevices = useTwoDevices();

const urlOf = (input: Parameters<typeof fetch>[0]) =>
  input instanceof Request ? input.url : input instanceof URL ? input.href : input;

/** A fetch through `base` that notes each pull's path, query and answer status. */
const recordingPulls = (base: typeof fetch) => {
  const seen: { path: string; query: URLSearchParams; status: number }[] = [];
  const recording: typeof fetch = async (input, init) => {
    const response = await base(input, init);
    const url = new URL(urlOf(input));
    if (url.pathname.endsWith('/pull'))
      seen.push({ path: url.pathname, query: url.searchParams, status: response.status });
    return response;
  };
  return {
    fetch: recording,
    statuses: () => seen.map((pull) => pull.status),
    queries: () => seen.map((pull) => pull.query),
    paths: () => seen.map((pull) => pull.path),
  };
};

/** The network between device and server, cutting pulls of records into pages of two that say `more`. */
const pagesOfTwo = (): typeof fetch => async (input, init) => {
  const url = new URL(urlOf(input));
  if (!url.pathname.endsWith('/sync/records/pull')) return fetch(input, init);
  url.searchParams.set('limit', '2');
  const response = await fetch(url, init);
  const body = (await response.json()) as { value?: PullResponse };
  if (body.value?.documents.length === 2) body.value.more = true;
  return Response.json(body, { status: response.status });
};

/** Starts a client of `device` through `through`, waits until it is in sync, and stops it. */
const startedInSync = async (device: Device, through: typeof fetch) => {
  const client = syncClient(device.db, device.link, false, { fetch: through, retryMs: 20 });
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

describe.each(['sqlite', 'postgres'] as const)('a full resync after the horizon: %s', (adapter) => {
  it('drops a record deleted and purged on the server; an unpushed new record survives and is pushed', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    const deleted = await a.session.people.create(annelies);
    const kept = await a.session.people.create(bram);
    await catchUpThenOffline(setup);
    expect((await b.session.people.get(deleted.id)).data).toEqual(deleted.data);

    // B is offline; A deletes, the server purges the tombstone past its horizon.
    await a.session.people.remove(deleted.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    const made = await b.session.people.create({ ...annelies, givenName: 'Nieuw', emails: [] });

    await b.sync.start();
    await b.sync.awaitInSync();
    expect(await b.db.records.findOne(deleted.id).exec()).toBeNull();
    expect((await b.session.people.get(kept.id)).data).toEqual(kept.data);
    expect((await b.session.people.get(made.id)).data).toEqual(made.data);

    await a.sync.awaitInSync();
    expect((await a.session.people.get(made.id)).data).toEqual(made.data);
    expect(await a.db.records.findOne(deleted.id).exec()).toBeNull();
  });

  it('goes on from its checkpoint at the next start when nothing was written since the purge: no resync at every start', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    const deleted = await a.session.people.create(annelies);
    const kept = await a.session.people.create(bram);
    await catchUpThenOffline(setup);
    await a.session.people.remove(deleted.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    // The first start resyncs: B's records checkpoint was issued before the purged tombstone.
    const first = recordingPulls(fetch);
    await startedInSync(b, first.fetch);
    expect(first.statuses()).toContain(409);
    expect(await b.db.records.findOne(deleted.id).exec()).toBeNull();
    // Nothing was written since: the records checkpoint stays below the horizon, which it keeps, so the
    // next start goes on from there (before, every start was refused and pulled everything again).
    const again = recordingPulls(fetch);
    await startedInSync(b, again.fetch);
    expect(again.statuses()).not.toContain(409);
    expect(again.queries().some((query) => query.has('horizon'))).toBe(true);
    const fromZero = again.paths().filter((_, i) => again.queries()[i]!.get('checkpoint') === '0');
    expect(fromZero.filter((path) => path.endsWith('/sync/records/pull'))).toEqual([]);
    // A server from before horizons refuses the parameter (400): the pull is asked again without it, and
    // that server then sends the device into a resync, as it always did.
    const older = recordingPulls((input, init) =>
      new URL(urlOf(input)).searchParams.has('horizon')
        ? Promise.resolve(Response.json({ ok: false, error: 'bad-request' }, { status: 400 }))
        : fetch(input, init),
    );
    await startedInSync(b, older.fetch);
    expect(older.statuses()).toContain(400);
    expect((await b.session.people.get(kept.id)).data).toEqual(kept.data);
  });

  it('starts a resync cut off past the horizon over from 0 at the next start, and drops what was purged', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    for (let i = 0; i < 4; i++) await a.session.people.create({ ...bram, givenName: `Eerder ${i}` });
    const deleted = await a.session.people.create(annelies);
    await catchUpThenOffline(setup);
    await a.session.people.remove(deleted.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) await a.session.people.create({ ...bram, givenName: `Later ${i}` });
    await a.sync.awaitInSync();
    // Pages of two records; once a page of the resync ends past the horizon with more to come, the
    // network goes (the lid closes): the checkpoint RxDB kept is past the horizon, nothing refuses it.
    let cut = () => {};
    const wasCut = new Promise<void>((resolve) => (cut = resolve));
    let down = false;
    const cutting: typeof fetch = async (input, init) => {
      const url = new URL(urlOf(input));
      if (!url.pathname.endsWith('/sync/records/pull')) return fetch(input, init);
      if (down) throw new TypeError('fetch failed');
      url.searchParams.set('limit', '2');
      const response = await fetch(url, init);
      const body = (await response.json()) as { value?: PullResponse };
      const page = body.value;
      if (page?.documents.length === 2) page.more = true;
      if (page?.more && page.horizon && page.checkpoint > page.horizon) [down] = [true, cut()];
      return Response.json(body, { status: response.status });
    };
    const interrupted = syncClient(b.db, b.link, false, { fetch: cutting, retryMs: 20 });
    void interrupted.start();
    await wasCut;
    await interrupted.stop();
    expect(await b.db.records.findOne(deleted.id).exec()).not.toBeNull();

    const next = recordingPulls(fetch);
    await startedInSync(b, next.fetch);
    const records = next.queries().filter((_, i) => next.paths()[i]!.endsWith('/sync/records/pull'));
    expect(records[0]!.get('checkpoint')).toBe('0');
    expect(await b.db.records.findOne(deleted.id).exec()).toBeNull();
    expect((await b.session.people.loadAll()).records).toHaveLength(10);
  });

  it('keeps the checkpoint that ends a resync whose last page is empty: the next start resyncs no more', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    await a.session.people.create(annelies);
    await a.session.people.create(bram);
    await catchUpThenOffline(setup);
    // Made and deleted while B was offline: B's resync has nothing to drop, and its pages of two end
    // on an empty one (as when what a device receives is a multiple of the page size).
    const gone = await a.session.people.create({ ...bram, givenName: 'Weg' });
    await a.session.people.remove(gone.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    const inPagesOfTwo = recordingPulls(pagesOfTwo());
    await startedInSync(b, inPagesOfTwo.fetch);
    expect(inPagesOfTwo.statuses()).toContain(409);
    const next = recordingPulls(pagesOfTwo());
    await startedInSync(b, next.fetch);
    const records = next.queries().filter((_, i) => next.paths()[i]!.endsWith('/sync/records/pull'));
    expect(records.map((query) => query.get('checkpoint'))).not.toContain('0');
    expect((await b.session.people.loadAll()).records).toHaveLength(2);
  });

  it('a restore that interrupts a resync ends it: nothing the restore pulled is dropped', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    for (let i = 0; i < 6; i++) await a.session.people.create({ ...bram, givenName: `Klant ${i}` });
    const deleted = await a.session.people.create(annelies);
    await catchUpThenOffline(setup);
    await a.session.people.remove(deleted.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    // The resync's second page is answered "server-restored" once (a restore from a backup meanwhile).
    let restored = false;
    const paged = pagesOfTwo();
    const restoring: typeof fetch = async (input, init) => {
      const url = new URL(urlOf(input));
      const later = Number(url.searchParams.get('checkpoint')) > 0 && url.pathname.endsWith('/records/pull');
      if (later && url.searchParams.has('horizon') && !restored) {
        restored = true;
        return Response.json({ ok: false, error: 'server-restored' }, { status: 409 });
      }
      return paged(input, init);
    };
    const client = syncClient(b.db, b.link, false, { fetch: restoring, retryMs: 20 });
    await client.start();
    await client.awaitInSync();
    await client.reSync(); // a later pull in the same run, as the next change on the server brings
    await client.awaitInSync();
    await client.stop();
    expect(restored).toBe(true);
    // (What the device holds and the restored server does not, the restore pushes again: restore.ts.)
    const held = (await b.session.people.loadAll()).records.map((person) => person.data.givenName);
    expect(held.filter((name) => name.startsWith('Klant')).sort()).toEqual(
      Array.from({ length: 6 }, (_, i) => `Klant ${i}`),
    );
  });
});
