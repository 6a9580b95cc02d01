// What the sync and rotation benchmarks share: the server's storage on either adapter (a throw-away
// SQLite file or PostgreSQL schema), client databases in memory and a sync client.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openPostgresStorage } from '../server/storage/postgres';
import { openSqliteStorage } from '../server/storage/sqlite';
import type { Storage } from '../server/storage/types';
import { openKluisDatabase, type KluisDatabase } from '../shared/store/database';
import type { AccountLink, SyncClientOptions } from '../shared/sync';
import { SyncClient } from '../shared/sync/replication';

export type AdapterName = 'sqlite' | 'postgres';

/** BENCH_ADAPTERS (both by default) and the PostgreSQL test database (KLUIS_TEST_DATABASE_URL). */
export const serverFromEnv = () => ({
  adapters: (process.env.BENCH_ADAPTERS ?? 'sqlite,postgres').split(',').filter(Boolean) as AdapterName[],
  postgresUrl: process.env.KLUIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
});

export interface OpenedStorage {
  storage: Storage;
  destroy(): Promise<void>;
}

let schemaCounter = 0;

/** The server's storage on `adapter`, removed again by `destroy`; `name` tells the benches' leftovers apart. */
export const openStorage = async (
  adapter: AdapterName,
  postgresUrl: string,
  name: string,
): Promise<OpenedStorage> => {
  if (adapter === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `kluis-bench-${name}-`));
    const storage = await openSqliteStorage(path.join(dir, 'kluis.sqlite'));
    return {
      storage,
      destroy: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // A schema of its own on the test database, dropped afterwards (as test/integration/server does).
  const schema = `kluis_bench_${name}_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}`;
  const storage = await openPostgresStorage({ connectionString: postgresUrl, schema });
  return {
    storage,
    destroy: async () => {
      await storage.close();
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
};

let dbCounter = 0;
/** Memory storage without dev-mode or schema validation: the client code path, without test-only checks. */
export const memoryDatabase = (prefix: string): Promise<KluisDatabase> =>
  openKluisDatabase({
    storage: getRxStorageMemory(),
    name: `${prefix}${Date.now().toString(36)}${dbCounter++}`,
  });

/**
 * A sync client for a linked device, as the app makes one; `options` adds or overrides settings (conflict
 * handlers, retry time). The integration tests' devices use it too (test/integration/sync/two-devices.ts).
 */
export const syncClient = (
  db: KluisDatabase,
  link: AccountLink,
  live = false,
  options: Partial<SyncClientOptions> = {},
): SyncClient =>
  new SyncClient({
    db,
    fetch,
    serverUrl: link.serverUrl,
    token: link.token,
    identifier: `${link.serverUrl}|${link.deviceId}`,
    role: link.role,
    live,
    retryMs: 50,
    ...options,
  });

export const unwrap = <T>(reply: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
};
