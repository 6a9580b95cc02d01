// Replication of records and keys between two devices through the real server: creations, deletions
// with their key entries, retried pushes, the live stream, and no plaintext on the server.
import { describe, expect, it } from 'vitest';
import { firstValueFrom, filter } from 'rxjs';
import { annelies, bram } from '../../fixtures/people';
import { call, value } from '../server/harness';
import { type TwoDevices, useTwoDevices, syncClient } from './two-devices';
import type { PullResponse } from '../../../shared/sync/protocol';

const newDevices = useTwoDevices();

const syncBoth = async ({ a, b }: TwoDevices) => {
  await a.sync.awaitInSync();
  await b.sync.awaitInSync();
  await a.sync.awaitInSync();
};

describe.each(['sqlite', 'postgres'] as const)('replication between two devices: %s', (adapter) => {
  it('brings a person made on A to B, and a deletion on A removes it and its key entry on B', async () => {
    const setup = await newDevices.started(adapter);
    const { a, b } = setup;
    const person = await a.session.people.create(annelies);
    const other = await a.session.people.create(bram);
    await syncBoth(setup);
    expect((await b.session.people.get(person.id)).data).toEqual(person.data);
    expect(b.sync.status).toMatchObject({ online: true, error: null });
    expect(b.sync.status.lastSyncedAt).not.toBeNull();

    await a.session.people.remove(person.id);
    await syncBoth(setup);
    expect(await b.db.records.findOne(person.id).exec()).toBeNull();
    const pages = (await b.db.keys.find().exec()).map((doc) => doc.payload).join('');
    expect(pages).not.toContain(person.id);
    expect(pages).toContain(other.id);
    expect((await b.session.people.get(other.id)).data).toEqual(other.data);

    // Nothing the server holds names the test people.
    const rows = (await setup.storage.dumpAllRows()).join('\n');
    for (const secret of [
      'Annelies',
      'Verbeek',
      'annelies.verbeek@voorbeeld.nl',
      'bram@dewit-bouw.example',
    ]) {
      expect(rows).not.toContain(secret);
    }
  });

  it('keeps one revision when a push is retried after its response was lost', async () => {
    const setup = await newDevices(adapter);
    const { a } = setup;
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/sync/records/push') && dropped === 0) {
        dropped++;
        throw new TypeError('network lost the response');
      }
      return response;
    };
    const client = syncClient(a.db, a.link, false, { fetch: lossy, identifier: 'lossy', retryMs: 20 });
    const person = await a.session.people.create(annelies);
    await client.start();
    await client.awaitInSync();
    await client.stop();
    expect(dropped).toBe(1);
    const pulled = value(
      await call<PullResponse>(a.link.serverUrl, 'GET', '/sync/records/pull', { token: a.link.token }),
    );
    expect(pulled.documents.filter((doc) => doc.id === person.id)).toHaveLength(1);
    expect(pulled.documents).toHaveLength(1);
  });

  it('delivers a change live through the event stream', async () => {
    const setup = await newDevices.started(adapter, true);
    const { a, b } = setup;
    const arrived = firstValueFrom(b.db.records.find().$.pipe(filter((docs) => docs.length > 0)));
    const person = await a.session.people.create(annelies);
    const [doc] = await arrived;
    expect(doc?.id).toBe(person.id);
  });
});

describe('replication after resync-required', () => {
  it('restarts from checkpoint 0 and does not bring back what this device deleted offline', async () => {
    const setup = await newDevices('sqlite');
    const { a, b } = setup;
    await a.sync.start();
    const person = await a.session.people.create(annelies);
    const kept = await a.session.people.create(bram);
    await a.sync.awaitInSync();
    await b.sync.start();
    await b.sync.awaitInSync();
    await b.sync.stop();

    await b.session.people.remove(person.id);
    let refused = 0;
    const { SyncClient } = await import('../../../shared/sync/replication');
    const resyncing: typeof fetch = async (input, init) => {
      if (/\/sync\/records\/pull\?checkpoint=[1-9]/.test(String(input)) && refused === 0) {
        refused++;
        return new Response(JSON.stringify({ ok: false, error: 'resync-required' }), { status: 409 });
      }
      return fetch(input, init);
    };
    const client = new SyncClient({
      db: b.db,
      fetch: resyncing,
      serverUrl: b.link.serverUrl,
      token: b.link.token,
      identifier: `${b.link.serverUrl}|${b.link.deviceId}`,
      role: b.link.role,
      live: false,
      retryMs: 20,
    });
    await client.start();
    await client.awaitInSync();
    await client.stop();
    await a.sync.awaitInSync();
    expect(refused).toBe(1);
    expect(await b.db.records.findOne(person.id).exec()).toBeNull();
    expect(await a.db.records.findOne(person.id).exec()).toBeNull();
    expect((await b.session.people.get(kept.id)).data).toEqual(kept.data);
  });
});

describe('sync status', () => {
  it('shows offline with pending writes while the server is unreachable, and resumes by itself', async () => {
    const setup = await newDevices('sqlite');
    const { a } = setup;
    let offline = true;
    const flaky: typeof fetch = async (input, init) => {
      if (offline) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const client = syncClient(a.db, a.link, false, { fetch: flaky, identifier: 'flaky', retryMs: 20 });
    const started = client.start();
    // A write made once the client runs (across a worker's channel, its start takes a few messages).
    await firstValueFrom(client.status$.pipe(filter((status) => status.syncing)));
    await a.session.people.create(annelies);
    const waiting = await firstValueFrom(
      client.status$.pipe(filter((status) => status.pending > 0 && !status.online)),
    );
    expect(waiting).toMatchObject({ online: false, error: 'offline' });
    offline = false;
    await started;
    await client.awaitInSync();
    expect(client.status).toMatchObject({ online: true, error: null, pending: 0 });
    await client.stop();
  });
});

describe('a revoked device', () => {
  it('is refused, receives nothing more, and its status says to wipe the local copy', async () => {
    const setup = await newDevices('sqlite');
    const { a, b } = setup;
    await b.sync.start();
    await b.sync.awaitInSync();
    value(
      await call(a.link.serverUrl, 'POST', `/devices/${b.link.deviceId}/revoke`, { token: a.link.token }),
    );
    await a.session.people.create(annelies);
    await a.sync.start();
    await a.sync.awaitInSync();
    b.sync.reSync();
    const refused = await firstValueFrom(b.sync.status$.pipe(filter((status) => status.wipe)));
    expect(refused).toMatchObject({ error: 'device-revoked', wipe: true });
    expect(await b.db.records.count().exec()).toBe(0);
  });
});
