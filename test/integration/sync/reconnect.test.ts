// The real server stops and comes back on the same address: the client keeps its writes, backs off
// instead of hammering the address, and resumes at once when told the connection is back. Nothing here
// sleeps and then counts: the test waits for what the user sees (the sync status, the change arriving)
// and reads the back-off from the spacing of the client's own attempts, which a slow machine only widens.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault } from '../../../shared/sync/account';
import { SyncClient } from '../../../shared/sync/replication';
import { annelies } from '../../fixtures/people';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';

let database: TestDatabase | undefined;
let storage: Storage | undefined;
let servers: RunningServer[] = [];
let db: KluisDatabase | undefined;
let client: SyncClient | undefined;

afterEach(async () => {
  await client?.stop();
  await db?.remove();
  for (const server of servers.splice(0)) await server.close().catch(() => undefined);
  await storage?.close();
  await database?.destroy();
});

const RETRY_MS = 50;

describe('when the server goes away and comes back', () => {
  it('backs off while it is down and resumes as soon as the connection returns', async () => {
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    const first = await startServer(storage);
    servers.push(first);
    db = await memoryDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: first.url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);

    /** When each request that could not reach the server was made, per path. */
    const failed = new Map<string, number[]>();
    const recording: typeof fetch = async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        const path = new URL(String(input)).pathname;
        failed.set(path, [...(failed.get(path) ?? []), performance.now()]);
        throw error;
      }
    };
    let online: (() => void) | undefined;
    client = new SyncClient({
      db,
      fetch: recording,
      serverUrl: linked.value.serverUrl,
      token: linked.value.token,
      identifier: 'reconnect',
      role: 'admin',
      live: false,
      retryMs: RETRY_MS,
      maxRetryMs: 60_000,
      onOnline: (listener) => {
        online = listener;
        return () => (online = undefined);
      },
    });
    await client.start();
    await client.awaitInSync();
    expect(client.status).toMatchObject({ online: true, error: null, pending: 0 });

    await first.close();
    servers = [];
    const person = await session.people.create(annelies);
    // What the navigation shows: offline, with the new person (record and data key) waiting to be sent.
    await expect.poll(() => client!.status).toMatchObject({ online: false, error: 'offline', pending: 2 });

    // The push of the person is retried, each time after a longer wait: at least half the doubled
    // base (the jitter's floor), whatever else the client tried in between. A client retrying every
    // RETRY_MS would make these attempts a few tens of milliseconds apart.
    const ATTEMPTS = 5;
    await vi.waitFor(
      () => expect(failed.get('/sync/records/push')?.length ?? 0).toBeGreaterThanOrEqual(ATTEMPTS),
      {
        timeout: 20_000,
        interval: 20,
      },
    );
    const attempts = failed.get('/sync/records/push')!.slice(0, ATTEMPTS);
    const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
    const floors = gaps.map((_, i) => (RETRY_MS * 2 ** i) / 2);
    // (a millisecond of slack: Node may fire a timer up to 1 ms early)
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(floors[i]! - 1));
    expect(client.status).toMatchObject({ online: false, error: 'offline', pending: 2 });

    // The push's next try waits at least half of RETRY_MS * 2^(failures before its last one - 1): by now
    // seconds. Until then only the online event can bring the person to the server.
    const lastTry = failed.get('/sync/records/push')!.at(-1)!;
    const failuresBefore = [...failed.values()].flat().filter((at) => at < lastTry).length;
    const nextTry = lastTry + (RETRY_MS * 2 ** Math.min(failuresBefore - 1, 20)) / 2;

    // Back on the same address; the host says the connection returned.
    const port = Number(new URL(first.url).port);
    const app = (await import('../../../server/app')).createApp({ storage, log: false });
    await app.listen({ port, host: '127.0.0.1' });
    servers.push({ url: first.url, app, logs: [], close: () => app.close() });
    online?.();
    // Wait for the user-visible result, but no longer than the back-off would have kept the client away.
    const untilNextTry = nextTry - performance.now() - 250;
    expect(untilNextTry).toBeGreaterThan(2_000);
    await expect
      .poll(() => client!.status, { timeout: untilNextTry })
      .toMatchObject({ online: true, error: null, pending: 0 });
    await expect
      .poll(async () => {
        const pulled = await storage!.pull(linked.value.orgId, 'records', 0, 100);
        return pulled.docs.map((d) => (JSON.parse(d.doc) as { id: string }).id);
      })
      .toContain(person.id);
  });
});

describe('when the server ends the event stream', () => {
  it('says offline at once, before the back-off would let the client try again', async () => {
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    const server = await startServer(storage);
    servers.push(server);
    db = await memoryDatabase();
    await (await testVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: server.url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    /** Requests that could not reach the server: none may come before the status says offline. */
    let unreachable = 0;
    client = new SyncClient({
      db,
      fetch: async (input, init) => {
        try {
          return await fetch(input, init);
        } catch (error) {
          if (!init?.signal?.aborted) unreachable += 1;
          throw error;
        }
      },
      serverUrl: linked.value.serverUrl,
      token: linked.value.token,
      identifier: 'stream-end',
      role: 'admin',
      // A first retry at least 30 s away: an offline status before then came from the stream's end.
      retryMs: 60_000,
      maxRetryMs: 60_000,
    });
    await client.start();
    await client.awaitInSync();
    await vi.waitFor(() => expect(server.logs.join('')).toContain('/sync/stream'), { timeout: 10_000 });
    expect(client.status).toMatchObject({ online: true, error: null });

    await server.close();
    servers = [];
    await expect
      .poll(() => client!.status, { timeout: 20_000 })
      .toMatchObject({ online: false, error: 'offline' });
    expect(unreachable).toBe(0);
  });
});
