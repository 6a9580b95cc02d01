// The two storage adapters as tests open them: SQLite in a temporary directory, PostgreSQL in a schema of
// its own (dropped afterwards) on the test database. Every storage test runs against both.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { MIGRATIONS } from '../../../server/storage/migrations/index';
import { openPostgresStorage } from '../../../server/storage/postgres';
import { openSqliteStorage } from '../../../server/storage/sqlite';
import type { DeviceRow, Storage, UserRow } from '../../../server/storage/types';

export const POSTGRES_URL = process.env.KLUIS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** Opens a storage on this database; several may share it (two server instances). */
  open(): Promise<Storage>;
  /** Removes the database: the temporary directory or the schema. */
  destroy(): Promise<void>;
  /** The raw files of an embedded database, for a byte-level scan. */
  files?: () => string[];
  /** The PostgreSQL schema holding the tables. */
  schema?: string;
}

let counter = 0;

export const ADAPTERS = {
  sqlite: async (): Promise<TestDatabase> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kluis-server-'));
    const file = path.join(dir, 'kluis.sqlite');
    return {
      open: async () => openSqliteStorage(file),
      destroy: async () => rmSync(dir, { recursive: true, force: true }),
      files: () => [file, `${file}-wal`],
    };
  },
  postgres: async (): Promise<TestDatabase> => {
    const schema = `kluis_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    return {
      schema,
      open: () => openPostgresStorage({ connectionString: POSTGRES_URL, schema }),
      destroy: async () => {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  },
} as const;

export type AdapterName = keyof typeof ADAPTERS;
export const ADAPTER_NAMES = Object.keys(ADAPTERS) as AdapterName[];

/**
 * Writes a database as the migrations up to `version` left it, with `statements` run in it: an existing
 * installation, for a test of the migrations that follow.
 */
const seedAtVersion = async (
  name: AdapterName,
  database: TestDatabase,
  version: number,
  statements: string[],
) => {
  const old = MIGRATIONS.filter((m) => m.version <= version);
  if (name === 'sqlite') {
    const db = new Database((database.files?.() ?? [])[0] as string);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
    for (const m of old) db.exec(`${m.sqlite}; INSERT INTO schema_migrations VALUES (${m.version});`);
    for (const sql of statements) db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${database.schema}; SET search_path = ${database.schema}`);
  await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY)');
  for (const m of old)
    await client.query(`${m.postgres}; INSERT INTO schema_migrations VALUES (${m.version});`);
  for (const sql of statements) await client.query(sql);
  await client.end();
};

/** A fresh database on this adapter for each test; `open` gives a migrated storage, closed after the test. */
export const useTestDatabase = (name: AdapterName) => {
  let database: TestDatabase | undefined;
  const opened: Storage[] = [];
  beforeEach(async () => {
    database = await ADAPTERS[name]();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await database?.destroy();
    database = undefined;
  });
  const current = () => {
    if (!database) throw new Error('no test database outside a test');
    return database;
  };
  return {
    get database() {
      return current();
    },
    /** Makes the test's database an existing installation: migrated up to `version`, with `statements` run. */
    seedAt: (version: number, statements: string[]) => seedAtVersion(name, current(), version, statements),
    /** Opens a storage on the test's database (several may share it) and migrates it. */
    async open() {
      const storage = await current().open();
      opened.push(storage);
      await storage.migrate();
      return storage;
    },
  };
};

/** The first admin of an organisation, as the storage keeps the row; `fields` override the rest. */
export const adminRow = (fields: Partial<UserRow> = {}): UserRow => ({
  id: 'u1',
  orgId: 'org1',
  role: 'admin',
  verifierHash: null,
  inviteHash: null,
  keys: null,
  sealedOrgKey: null,
  ...fields,
});

/** A device of that admin as the storage keeps the row, its token hash its id; `fields` override the rest. */
export const deviceRow = (id: string, fields: Partial<DeviceRow> = {}): DeviceRow => ({
  id,
  orgId: 'org1',
  userId: 'u1',
  tokenHash: id,
  createdAt: 1,
  expiresAt: 9e12,
  lastSyncAt: null,
  revokedAt: null,
  signingKey: null,
  ...fields,
});
