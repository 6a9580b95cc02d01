// Two devices of one admin against the real server for the erasure tests, with what sync runs in the
// app: the merging conflict handlers and the erasure ledger's catch-up. The server can be restarted on the
// same address with its storage closed and opened again, as after a reboot.
import { createApp } from '../../../server/app';
import type { Storage } from '../../../server/storage/types';
import { ErasureSync } from '../../../shared/erasure/erasure-sync';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault, signInOnNewDevice } from '../../../shared/sync/account';
import { type AccountLink } from '../../../shared/sync';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import { SyncClient } from '../../../shared/sync/replication';
import type { Session } from '../../../shared/vault/session';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS, type AdapterName, type TestDatabase } from '../server/adapters';
import { startServer } from '../server/harness';

export interface Device {
  db: KluisDatabase;
  session: Session;
  link: AccountLink;
  erasures: ErasureSync;
}

export interface ErasureSetup {
  readonly url: string;
  storage: Storage;
  a: Device;
  b: Device;
  /** One sync run as the app does it; `catchUp: false` plays an older client without the ledger. */
  syncOnce(device: Device, options?: { catchUp?: boolean }): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const erasureSetup = async (adapter: AdapterName = 'sqlite'): Promise<ErasureSetup> => {
  const database: TestDatabase = await ADAPTERS[adapter]();
  let storage = await database.open();
  await storage.migrate();
  let server = await startServer(storage);
  const url = server.url;
  const dbA = await memoryDatabase();
  const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
  const linked = await connectVault({ fetch, serverUrl: url, db: dbA, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const dbB = await memoryDatabase();
  const signedIn = await signInOnNewDevice({
    fetch,
    serverUrl: url,
    db: dbB,
    userId: linked.value.userId,
    passphrase: PASSPHRASE,
  });
  if (!signedIn.ok) throw new Error(signedIn.error);
  const device = (db: KluisDatabase, session: Session, link: AccountLink): Device => ({
    db,
    session,
    link,
    erasures: new ErasureSync({ session, fetch, link }),
  });
  const setup: ErasureSetup = {
    url,
    storage,
    a: device(dbA, sessionA, linked.value),
    b: device(dbB, signedIn.value.session, signedIn.value.link),
    async syncOnce(d, { catchUp = true } = {}) {
      const client = new SyncClient({
        db: d.db,
        fetch,
        serverUrl: url,
        token: d.link.token,
        identifier: `${url}|${d.link.deviceId}`,
        role: d.link.role,
        live: false,
        retryMs: 20,
        conflictHandlers: await conflictHandlersFor(d.session),
        ...(catchUp ? { catchUp: d.erasures.catchUp } : {}),
      });
      try {
        await client.start();
        await client.awaitInSync();
      } finally {
        await client.stop();
      }
    },
    async restart() {
      const port = Number(new URL(url).port);
      await server.close();
      await storage.close();
      storage = await database.open();
      setup.storage = storage;
      const app = createApp({ storage, log: false });
      await app.listen({ port, host: '127.0.0.1' });
      server = { url, app, logs: [], close: () => app.close() };
    },
    async close() {
      await dbA.remove();
      await dbB.remove();
      await server.close();
      await storage.close();
      await database.destroy();
    },
  };
  return setup;
};
