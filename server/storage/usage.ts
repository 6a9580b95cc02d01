// What the limits read from storage (server/limits.ts, server/quota.ts): whether any organisation exists
// (creation closes after the first), the bytes an organisation stores, and one pull page bounded by bytes
// as well as by count, and how many documents wait after a checkpoint. Kept apart from sqlite.ts and postgres.ts, which only spread these in.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Collection } from '../../shared/sync';
import type { UsageStorage } from './types';

type Row = Record<string, unknown>;

/**
 * The first `limit` documents after `after`, in sequence order, with a running sum of their sizes; a row
 * whose predecessors already reach `maxBytes` comes back without its text (the page ends before it). The
 * first row always comes with its text, so a page is never empty while documents wait.
 */
const pageSql = (size: (column: string) => string, p: (n: number) => string) => `
  SELECT seq, CASE WHEN upto - size < ${p(5)} THEN doc END AS doc FROM (
    SELECT seq, doc, size, SUM(size) OVER (ORDER BY seq) AS upto FROM (
      SELECT seq, doc, ${size('doc')} AS size FROM documents
      WHERE org_id = ${p(1)} AND collection = ${p(2)} AND seq > ${p(3)} ORDER BY seq LIMIT ${p(4)}
    ) first_rows
  ) sized ORDER BY seq`;

const toPage = (rows: Row[]) => {
  const docs: { doc: string; seq: number }[] = [];
  for (const row of rows) {
    if (row.doc === null || row.doc === undefined) return { docs, truncated: true };
    docs.push({ doc: String(row.doc), seq: Number(row.seq) });
  }
  return { docs, truncated: false };
};

export const sqliteUsage = (db: Database.Database): UsageStorage => {
  // Prepared on first use: the tables exist only after migrate().
  let page: Database.Statement | undefined;
  return {
    async pullHead(orgId) {
      const org = db.prepare('SELECT purged_seq, seq FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
      return { purgedThrough: Number(org?.purged_seq ?? 0), sequence: Number(org?.seq ?? 0) };
    },
    async organisationCount() {
      return Number((db.prepare('SELECT COUNT(*) AS n FROM orgs').get() as Row).n);
    },
    async storedBytes(orgId) {
      // Kept by triggers in every write's transaction (migration 0009), not summed over the documents.
      const row = db.prepare('SELECT doc_bytes FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
      return Number(row?.doc_bytes ?? 0);
    },
    async documentBytes(orgId, collection, ids) {
      if (ids.length === 0) return 0;
      const row = db
        .prepare(
          `SELECT COALESCE(SUM(length(doc)), 0) AS n FROM documents
           WHERE org_id = ? AND collection = ? AND id IN (SELECT value FROM json_each(?))`,
        )
        .get(orgId, collection, JSON.stringify(ids));
      return Number((row as Row).n);
    },
    async pullPage(orgId, collection, after, limit, maxBytes) {
      page ??= db.prepare(
        pageSql(
          (c) => `length(${c})`,
          (n) => `@p${n}`,
        ),
      );
      return toPage(page.all({ p1: orgId, p2: collection, p3: after, p4: limit, p5: maxBytes }) as Row[]);
    },
    async countAfter(orgId, collection, after) {
      const row = db
        .prepare('SELECT COUNT(*) AS n FROM documents WHERE org_id = ? AND collection = ? AND seq > ?')
        .get(orgId, collection, after);
      return Number((row as Row).n);
    },
  };
};

export const postgresUsage = (pool: pg.Pool): UsageStorage => {
  const one = async (sql: string, values: unknown[]) => (await pool.query(sql, values)).rows[0] as Row;
  // octet_length reads a stored value's size without decompressing it.
  const sql = pageSql(
    (c) => `octet_length(${c})`,
    (n) => `$${n}`,
  );
  return {
    async pullHead(orgId) {
      const org = (await pool.query('SELECT purged_seq, seq FROM orgs WHERE id = $1', [orgId])).rows[0] as
        Row | undefined;
      return { purgedThrough: Number(org?.purged_seq ?? 0), sequence: Number(org?.seq ?? 0) };
    },
    async organisationCount() {
      return Number((await one('SELECT COUNT(*) AS n FROM orgs', [])).n);
    },
    async storedBytes(orgId) {
      // Kept by triggers in every write's transaction (migration 0009), not summed over the documents.
      const row = (await pool.query('SELECT doc_bytes FROM orgs WHERE id = $1', [orgId])).rows[0] as
        Row | undefined;
      return Number(row?.doc_bytes ?? 0);
    },
    async documentBytes(orgId, collection: Collection, ids) {
      if (ids.length === 0) return 0;
      return Number(
        (
          await one(
            `SELECT COALESCE(SUM(octet_length(doc)), 0) AS n FROM documents
             WHERE org_id = $1 AND collection = $2 AND id = ANY($3::text[])`,
            [orgId, collection, ids],
          )
        ).n,
      );
    },
    async pullPage(orgId, collection, after, limit, maxBytes) {
      return toPage((await pool.query(sql, [orgId, collection, after, limit, maxBytes])).rows as Row[]);
    },
    async countAfter(orgId, collection, after) {
      const counted = await one(
        'SELECT COUNT(*) AS n FROM documents WHERE org_id = $1 AND collection = $2 AND seq > $3',
        [orgId, collection, after],
      );
      return Number(counted.n);
    },
  };
};
