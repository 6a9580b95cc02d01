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
import { KDF_FLOOR } from '../shared/crypto/kdf';
import type { PersonInput } from '../shared/people/person';
import { openKluisDatabase, type KluisDatabase } from '../shared/store/database';
import { connectVault } from '../shared/sync/account';
import type { AccountLink, SyncClientOptions } from '../shared/sync';
import { documentSchema, MAX_PULL_LIMIT } from '../shared/sync/protocol';
import { SyncClient } from '../shared/sync/replication';
import { Vault } from '../shared/vault/vault';

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

/** Every field any collection's wire schema has; RxDB's own (_meta, _rev, _attachments) are left out. */
const WIRE_FIELDS = new Set(['id', 'kind', 'subjectId', 'keyId', 'v', 'payload', 'updatedAt', '_deleted']);

/**
 * Writes every document of a device's database straight into the server's storage, in the form the push
 * route stores (the upload from one client is not what the benches measure, and 100,000 replicated pushes
 * from RxDB's memory storage took minutes). Returns how many, and the JSON size of each record as stored.
 */
export const writeToServer = async (
  storage: Storage,
  orgId: string,
  db: KluisDatabase,
): Promise<{ documents: number; recordBytes: number[] }> => {
  let documents = 0;
  const recordBytes: number[] = [];
  for (const collection of ['keys', 'records', 'items', 'settings'] as const) {
    const docs = (await db[collection].find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    for (let i = 0; i < docs.length; i += MAX_PULL_LIMIT) {
      const rows = docs.slice(i, i + MAX_PULL_LIMIT).map((doc) => {
        const wire = documentSchema(collection).parse(
          Object.fromEntries(
            Object.entries({ ...doc, _deleted: false }).filter(([key]) => WIRE_FIELDS.has(key)),
          ),
        );
        const json = JSON.stringify(wire);
        if (collection === 'records') recordBytes.push(Buffer.byteLength(json));
        return { id: wire.id, doc: json, deleted: false, assumed: null };
      });
      const outcome = await storage.push(orgId, collection, rows, Date.now());
      if (!outcome.ok) throw new Error(outcome.error);
      documents += rows.length;
    }
  }
  return { documents, recordBytes };
};

/**
 * An account on the server at `serverUrl` holding `people`: a vault in memory (the real encryption, at the
 * KDF floor) connected to the server, the people created in it, and its documents written straight into
 * the server's storage (writeToServer). The vault's database is removed again.
 */
export const seedAccount = async (
  storage: Storage,
  serverUrl: string,
  people: PersonInput[],
  passphrase: string,
) => {
  const db = await memoryDatabase('bench');
  try {
    const session = await (await Vault.open(db, KDF_FLOOR)).create(passphrase);
    const link = unwrap(await connectVault({ fetch, serverUrl, db, passphrase }));
    let t = performance.now();
    const ids = (await session.people.createMany(people)).map((p) => p.id);
    const seedMs = performance.now() - t;
    t = performance.now();
    const written = await writeToServer(storage, link.orgId, db);
    return { link, ids, seedMs, pushMs: performance.now() - t, ...written };
  } finally {
    await db.remove();
  }
};
