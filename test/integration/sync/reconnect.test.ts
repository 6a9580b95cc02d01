// The real server stops and comes back on the same address: the client keeps its writes, backs off
// instead of hammering the address, and resumes at once when told the connection is back.
import { afterEach, describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
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

    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts++;
      return fetch(input, init);
    };
    let online: (() => void) | undefined;
    client = new SyncClient({
      db,
      fetch: counting,
      serverUrl: linked.value.serverUrl,
      token: linked.value.token,
      identifier: 'reconnect',
      role: 'admin',
      live: false,
      retryMs: 20,
      maxRetryMs: 400,
      onOnline: (listener) => {
        online = listener;
        return () => (online = undefined);
      },
    });
    await client.start();
    await client.awaitInSync();

    await first.close();
    servers = [];
    const person = await session.people.create(annelies);
    await firstValueFrom(client.status$.pipe(filter((s) => !s.online && s.pending > 0)));
    // Two seconds down: a fixed 20 ms retry would be about a hundred requests per collection.
    attempts = 0;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(attempts).toBeLessThan(60);
    expect(client.status).toMatchObject({ online: false, error: 'offline' });

    // Back on the same address; the host says the connection returned.
    const port = Number(new URL(first.url).port);
    const app = (await import('../../../server/app')).createApp({ storage, log: false });
    await app.listen({ port, host: '127.0.0.1' });
    servers.push({ url: first.url, app, logs: [], close: () => app.close() });
    const resumed = performance.now();
    online?.();
    await client.awaitInSync();
    expect(performance.now() - resumed).toBeLessThan(5000);
    expect(client.status).toMatchObject({ online: true, error: null, pending: 0 });
    const pulled = await storage.pull(linked.value.orgId, 'records', 0, 100);
    expect(pulled.docs.map((d) => JSON.parse(d.doc) as { id: string }).map((d) => d.id)).toContain(person.id);
  });
});
