// The two storage adapters as tests open them: SQLite in a temporary directory, PostgreSQL in a schema of
// its own (dropped afterwards) on the test database. Every storage test runs against both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgresStorage } from '../../../server/storage/postgres';
import { openSqliteStorage } from '../../../server/storage/sqlite';
import type { Storage } from '../../../server/storage/types';

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
