// A real server with its link store, on one storage adapter, fresh for each test: the set-up every test of
// confirmation and unsubscribe links shares. The link store lives beside the records (in the SQLite file,
// or in the test's PostgreSQL schema), as in a real installation.
import { afterEach, beforeEach } from 'vitest';
import type { AppOptions } from '../../../server/app';
import { openPostgresLinks } from '../../../server/storage/links-postgres';
import { openSqliteLinks } from '../../../server/storage/links-sqlite';
import type { LinkStore } from '../../../server/storage/links';
import type { Storage } from '../../../server/storage/types';
import { ADAPTERS, POSTGRES_URL, type AdapterName, type TestDatabase } from './adapters';
import { startServer, type RunningServer } from './harness';

export interface ServerWithLinks {
  readonly database: TestDatabase;
  readonly storage: Storage;
  readonly links: LinkStore;
  readonly server: RunningServer;
}

/**
 * Opens the database, storage, link store and server before each test and closes them after it.
 * `options` is read in each test's set-up, so it may close over a clock the test moves.
 */
export const useServerWithLinks = (
  name: AdapterName,
  options: () => Omit<AppOptions, 'storage' | 'log' | 'links'> = () => ({}),
): ServerWithLinks => {
  let current: ServerWithLinks | undefined;
  beforeEach(async () => {
    const database = await ADAPTERS[name]();
    const storage = await database.open();
    await storage.migrate();
    const links =
      name === 'sqlite'
        ? openSqliteLinks(database.files!()[0]!)
        : await openPostgresLinks({ connectionString: POSTGRES_URL, schema: database.schema! });
    await links.migrate();
    const server = await startServer(storage, { ...options(), links });
    current = { database, storage, links, server };
  });
  afterEach(async () => {
    if (!current) return;
    const { database, storage, links, server } = current;
    current = undefined;
    await server.close();
    await links.close();
    await storage.close();
    await database.destroy();
  });
  const get = () => {
    if (!current) throw new Error('no server outside a test');
    return current;
  };
  return {
    get database() {
      return get().database;
    },
    get storage() {
      return get().storage;
    },
    get links() {
      return get().links;
    },
    get server() {
      return get().server;
    },
  };
};
