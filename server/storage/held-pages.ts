// A pull page and a first sync's count for a caller who holds some of the organisation's territories
// (issue 19): only documents of no territory or of a held tag, selected in SQL through documents_territory
// (org, collection, territory, seq) instead of reading every stored page. Each tag's (and no territory's)
// next `limit` documents are read in sequence order from the index and merged, so a page costs the same
// whatever the other territories store. Kept apart from usage.ts, which pullPage (everyone else) stays in.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { Collection } from '../../shared/sync';

export interface HeldPage {
  docs: { doc: string; seq: number }[];
  /** The byte bound ended the page (it holds at least one document). */
  truncated: boolean;
  /**
   * Where the caller continues: the last document's sequence when the page is full or truncated, else the
   * collection's newest sequence the read saw (read in the same statement, so no document the read did
   * not cover lies at or below it), never below `after`.
   */
  checkpoint: number;
}

export interface HeldPageStorage {
  /** pullPage for a caller who holds `held` (tags): documents of no territory or of those, after `after`. */
  pullHeldPage(
    orgId: string,
    collection: Collection,
    after: number,
    limit: number,
    maxBytes: number,
    held: readonly string[],
  ): Promise<HeldPage>;
  /** countAfter over pullHeldPage's selection: what such a caller will receive after `after`. */
  countHeldAfter(
    orgId: string,
    collection: Collection,
    after: number,
    held: readonly string[],
  ): Promise<number>;
}

type Row = Record<string, unknown>;

/** One branch of the merge: the next `limit` documents of one territory (or none) from the index. */
const branch = (territory: string, p: (name: string) => string) =>
  `SELECT seq, doc FROM (SELECT seq, doc FROM documents WHERE org_id = ${p('org')} AND
     collection = ${p('collection')} AND ${territory} AND seq > ${p('after')} ORDER BY seq LIMIT ${p('limit')}) b`;

/**
 * The page: the merged branches' first `limit` by sequence with their running size (as usage.ts's
 * pageSql: a row past `maxBytes` comes without its text; the first always with it), beside the
 * collection's newest sequence. One row with a null seq when nothing is selected.
 */
const pageSql = (branches: string, size: (column: string) => string, p: (name: string) => string) => `
  WITH picked AS (${branches} ORDER BY seq LIMIT ${p('limit')}),
  sized AS (
    SELECT seq, doc, ${size('doc')} AS size, SUM(${size('doc')}) OVER (ORDER BY seq) AS upto FROM picked
  )
  SELECT h.top, s.seq, CASE WHEN s.upto - s.size < ${p('max')} THEN s.doc END AS doc
  FROM (SELECT COALESCE(MAX(seq), 0) AS top FROM documents
        WHERE org_id = ${p('org')} AND collection = ${p('collection')}) h
  LEFT JOIN sized s ON 1 = 1 ORDER BY s.seq`;

const toHeldPage = (rows: Row[], after: number, limit: number): HeldPage => {
  const docs: HeldPage['docs'] = [];
  let truncated = false;
  for (const row of rows) {
    if (row.seq === null || row.seq === undefined) break;
    if (row.doc === null || row.doc === undefined) {
      truncated = true;
      break;
    }
    docs.push({ doc: String(row.doc), seq: Number(row.seq) });
  }
  const last = docs.at(-1)?.seq ?? after;
  const top = Number(rows[0]?.top ?? 0);
  const checkpoint = truncated || docs.length >= limit ? last : Math.max(after, last, top);
  return { docs, truncated, checkpoint };
};

/** Above this many held tags SQLite reads one filtered range instead of one branch per tag. */
const MAX_BRANCHES = 32;

export const sqliteHeldPages = (db: Database.Database): HeldPageStorage => {
  const p = (name: string) => `@${name}`;
  const statements = new Map<number, Database.Statement>();
  const statement = (tags: number) => {
    let found = statements.get(tags);
    if (!found) {
      const branches =
        tags > MAX_BRANCHES
          ? branch('(territory IS NULL OR territory IN (SELECT value FROM json_each(@tags)))', p)
          : [
              branch('territory IS NULL', p),
              ...Array.from({ length: tags }, (_, i) => branch(`territory = @t${i}`, p)),
            ].join(' UNION ALL ');
      found = db.prepare(pageSql(branches, (c) => `length(${c})`, p));
      statements.set(tags, found);
    }
    return found;
  };
  return {
    async pullHeldPage(orgId, collection, after, limit, maxBytes, held) {
      const tags = [...new Set(held)];
      const values: Record<string, unknown> = { org: orgId, collection, after, limit, max: maxBytes };
      if (tags.length > MAX_BRANCHES) values.tags = JSON.stringify(tags);
      else tags.forEach((tag, i) => (values[`t${i}`] = tag));
      return toHeldPage(statement(tags.length).all(values) as Row[], after, limit);
    },
    async countHeldAfter(orgId, collection, after, held) {
      const row = db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM documents WHERE org_id = @org AND collection = @collection
                     AND territory IS NULL AND seq > @after)
                + (SELECT COUNT(*) FROM documents WHERE org_id = @org AND collection = @collection
                     AND territory IN (SELECT value FROM json_each(@tags)) AND seq > @after) AS n`,
        )
        .get({ org: orgId, collection, after, tags: JSON.stringify([...new Set(held)]) });
      return Number((row as Row).n);
    },
  };
};

export const postgresHeldPages = (pool: pg.Pool): HeldPageStorage => {
  const names = ['org', 'collection', 'after', 'limit', 'max', 'tags'];
  const p = (name: string) => `$${names.indexOf(name) + 1}`;
  const sql = pageSql(
    `${branch('territory IS NULL', p)} UNION ALL SELECT d.seq, d.doc FROM unnest($6::text[]) AS t(tag)
       CROSS JOIN LATERAL (${branch('territory = t.tag', p)}) d`,
    (c) => `octet_length(${c})`,
    p,
  );
  return {
    async pullHeldPage(orgId, collection, after, limit, maxBytes, held) {
      const values = [orgId, collection, after, limit, maxBytes, [...new Set(held)]];
      return toHeldPage((await pool.query(sql, values)).rows as Row[], after, limit);
    },
    async countHeldAfter(orgId, collection, after, held) {
      const found = await pool.query(
        `SELECT COUNT(*) AS n FROM documents WHERE org_id = $1 AND collection = $2 AND seq > $3
           AND (territory IS NULL OR territory = ANY($4::text[]))`,
        [orgId, collection, after, [...new Set(held)]],
      );
      return Number((found.rows[0] as Row).n);
    },
  };
};
