// A sync client whose SyncClient runs at the other end of a Node MessageChannel (shared/sync-worker), as
// the renderer runs it in a worker. Both ends share the test's database: one process cannot open the same
// RxDB twice (closeDuplicates), and the boundary, not multiInstance, is what these runs check.
// KLUIS_SYNC_THROUGH=channel makes the sync suites' `syncClient` (two-devices.ts) this one.
import type { KluisDatabase } from '../../shared/store/database';
import type { AccountLink, SyncClient, SyncClientOptions } from '../../shared/sync';
import { RemoteSyncClient, serveSync } from '../../shared/sync-worker';
import type { GuardDecisions } from '../../shared/territories';

export const throughChannel = (): boolean => process.env.KLUIS_SYNC_THROUGH === 'channel';

/** As bench/client-server.ts syncClient, across the channel; `options.fetch` and `now` are the worker's. */
export const channelSyncClient = (
  db: KluisDatabase,
  link: AccountLink,
  live = false,
  options: Partial<SyncClientOptions> & { guard?: GuardDecisions } = {},
): SyncClient => {
  const { port1, port2 } = new MessageChannel();
  // Neither port keeps the test's process alive.
  (port1 as unknown as { unref?(): void }).unref?.();
  (port2 as unknown as { unref?(): void }).unref?.();
  const { fetch: workerFetch = fetch, now, db: _db, ...pageOptions } = options;
  const worker = serveSync(port1 as never, { db, fetch: workerFetch, ...(now ? { now } : {}) });
  const client = new RemoteSyncClient(port2 as never, {
    serverUrl: link.serverUrl,
    token: link.token,
    identifier: `${link.serverUrl}|${link.deviceId}`,
    role: link.role,
    live,
    retryMs: 50,
    ...pageOptions,
  });
  const stop = client.stop.bind(client);
  client.stop = async () => {
    await stop();
    await worker.close();
  };
  return client as unknown as SyncClient;
};
