// The real server on one storage adapter and the client databases of a test, opened before each test and
// removed after it: what every client-against-server test file needs, written once.
import { afterEach, beforeEach } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import type { KluisDatabase } from '../../../shared/store/database';
import { memoryDatabase } from '../../helpers/store';
import { ADAPTERS, type AdapterName, type TestDatabase } from './adapters';
import { startServer, type RunningServer } from './harness';

type ServerOptions = Parameters<typeof startServer>[1];

export interface ServerFixture {
  readonly server: RunningServer;
  readonly storage: Storage;
  /** The adapter's database: its raw files (SQLite) or schema (PostgreSQL), for byte-level scans. */
  readonly database: TestDatabase;
  /** A client database, removed after the test. */
  newDb(): Promise<KluisDatabase>;
  /** Removes one early: RxDB's open-source build keeps at most 13 collections (two databases) open. */
  closeDb(db: KluisDatabase): Promise<void>;
}

/** Registers the hooks; the returned object is valid inside each test. `options` go to the server (a clock). */
export const useServerFixture = (adapter: AdapterName = 'sqlite', options?: ServerOptions): ServerFixture => {
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;
  const dbs: KluisDatabase[] = [];
  beforeEach(async () => {
    database = await ADAPTERS[adapter]();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage, options);
  });
  afterEach(async () => {
    await Promise.all(dbs.splice(0).map((db) => db.remove()));
    await server.close();
    await storage.close();
    await database.destroy();
  });
  return {
    get server() {
      return server;
    },
    get storage() {
      return storage;
    },
    get database() {
      return database;
    },
    async newDb() {
      const db = await memoryDatabase();
      dbs.push(db);
      return db;
    },
    async closeDb(db) {
      dbs.splice(dbs.indexOf(db), 1);
      await db.remove();
    },
  };
};

/**
 * For tests that start their servers themselves, with options of their own or several on one database.
 * Registers the hook: what `start` and `serverOn` opened is closed after each test, the latest first, so an
 * afterEach hook the file registers later (closing its streams or clients) runs before it.
 */
export const useServers = () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });
  /** A server on `database`, which it migrates first; several may share one database. */
  const serverOn = async (database: TestDatabase, options?: ServerOptions) => {
    const storage = await database.open();
    cleanup.push(() => storage.close());
    await storage.migrate();
    const server = await startServer(storage, options);
    cleanup.push(() => server.close());
    return { storage, server };
  };
  /** A new database on `adapter`, with a server on it. */
  const start = async (adapter: AdapterName, options?: ServerOptions) => {
    const database = await ADAPTERS[adapter]();
    cleanup.push(() => database.destroy());
    return { database, ...(await serverOn(database, options)) };
  };
  /** Two server instances, `a` and `b`, on one new PostgreSQL database: what one hears, the other must too. */
  const twoInstances = async (options?: ServerOptions) => {
    const { database, ...a } = await start('postgres', options);
    return { database, a, b: await serverOn(database, options) };
  };
  /** Runs `step` after the test, before anything opened earlier is closed (a stream before its server). */
  const later = (step: () => Promise<void> | void) => {
    cleanup.push(async () => step());
  };
  return { start, serverOn, twoInstances, later };
};
