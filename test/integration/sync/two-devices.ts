// Two devices of one admin against the real server: A creates the vault and connects it, B signs in with
// the passphrase. Each gets a SyncClient over RxDB memory storage.
import { afterEach } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault, signInOnNewDevice } from '../../../shared/sync/account';
import { type AccountLink } from '../../../shared/sync';
import type { SyncClient } from '../../../shared/sync/replication';
import type { Session } from '../../../shared/vault/session';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS, type AdapterName, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { syncClient as directSyncClient } from '../../../bench/client-server';
import { channelSyncClient, throughChannel } from '../../helpers/sync-channel';

/**
 * The benchmarks' sync client (bench/client-server.ts): tests and benches make a device's client one way.
 * With KLUIS_SYNC_THROUGH=channel it runs across a message channel, as in the renderer's worker.
 */
export const syncClient: typeof directSyncClient = (...args) =>
  throughChannel() ? channelSyncClient(...args) : directSyncClient(...args);

export interface Device {
  db: KluisDatabase;
  session: Session;
  link: AccountLink;
  sync: SyncClient;
}

export interface TwoDevices {
  server: RunningServer;
  storage: Storage;
  a: Device;
  b: Device;
  close(): Promise<void>;
}

/** Signs the user in with PASSPHRASE on a new device holding `db`: its session and link, or the test fails. */
export const signInWithPassphrase = async (
  fetcher: typeof fetch,
  serverUrl: string,
  db: KluisDatabase,
  userId: string,
) => {
  const signedIn = await signInOnNewDevice({ fetch: fetcher, serverUrl, db, userId, passphrase: PASSPHRASE });
  if (!signedIn.ok) throw new Error(signedIn.error);
  return signedIn.value;
};

export const twoDevices = async (adapter: AdapterName = 'sqlite', live = false): Promise<TwoDevices> => {
  const database: TestDatabase = await ADAPTERS[adapter]();
  const storage = await database.open();
  await storage.migrate();
  const server = await startServer(storage);
  const dbA = await memoryDatabase();
  const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
  const linked = await connectVault({ fetch, serverUrl: server.url, db: dbA, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const dbB = await memoryDatabase();
  const signedIn = await signInWithPassphrase(fetch, server.url, dbB, linked.value.userId);
  const a = { db: dbA, session: sessionA, link: linked.value, sync: syncClient(dbA, linked.value, live) };
  const b = {
    db: dbB,
    session: signedIn.session,
    link: signedIn.link,
    sync: syncClient(dbB, signedIn.link, live),
  };
  return {
    server,
    storage,
    a,
    b,
    async close() {
      await a.sync.stop();
      await b.sync.stop();
      await dbA.remove();
      await dbB.remove();
      await server.close();
      await storage.close();
      await database.destroy();
    },
  };
};

/** Call at the top of a test file: the returned function sets up this test's two devices, closed after it. */
export const useTwoDevices = () => {
  const open: TwoDevices[] = [];
  afterEach(async () => {
    for (const setup of open.splice(0)) await setup.close();
  });
  const newDevices = async (adapter?: AdapterName, live?: boolean): Promise<TwoDevices> => {
    const setup = await twoDevices(adapter, live);
    open.push(setup);
    return setup;
  };
  /** Two devices that both sync already. */
  const started = async (adapter?: AdapterName, live?: boolean): Promise<TwoDevices> => {
    const setup = await newDevices(adapter, live);
    await startBoth(setup);
    return setup;
  };
  return Object.assign(newDevices, { started });
};

/** Both devices start syncing. */
export const startBoth = async ({ a, b }: Pick<TwoDevices, 'a' | 'b'>) => {
  await a.sync.start();
  await b.sync.start();
};

/** A sends what it holds; B catches up once and goes offline. */
export const catchUpThenOffline = async ({ a, b }: Pick<TwoDevices, 'a' | 'b'>) => {
  await a.sync.start();
  await a.sync.awaitInSync();
  await b.sync.start();
  await b.sync.awaitInSync();
  await b.sync.stop();
};
