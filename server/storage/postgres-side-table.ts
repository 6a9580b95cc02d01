// A side table of the server's (the links, who holds which territory) on PostgreSQL: its own small pool
// on the server's database and schema, so the table lives beside the others without touching
// postgres.ts, with its transactions and a migration that creates the schema and the table once.
import pg from 'pg';
import { transactions } from './postgres-notify';

const SCHEMA = /^[a-z_][a-z0-9_]{0,40}$/;

export interface SideTableOptions {
  readonly connectionString: string;
  readonly schema?: string;
}

/** `name` tells this table's migration lock from another's; `tableSql` creates it if missing. */
export const openSideTable = (
  { connectionString, schema = 'public' }: SideTableOptions,
  name: string,
  tableSql: string,
) => {
  if (!SCHEMA.test(schema)) throw new Error('Invalid PostgreSQL schema name');
  const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}`, max: 4 });
  // An idle client that loses its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  // The table's own transactions: a connection lost while checked out fails the call, not the process.
  const inTransaction = transactions(pool);
  /** Creates the schema and the table; two servers starting at once take turns. */
  const migrate = () =>
    inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kluis-${name}-migrate-${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(tableSql);
    });
  return { pool, inTransaction, migrate, close: () => pool.end() };
};
