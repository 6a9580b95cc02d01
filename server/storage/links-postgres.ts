// The link table (links.ts) on PostgreSQL, a side table of the server's (postgres-side-table.ts). A click takes a per-organisation advisory
// lock until it commits, so click sequences become visible in order and a device's cursor skips none.
import {
  conflicts,
  LINK_PROOF_COLUMN_SQL,
  LINK_ROW_BYTES,
  LINK_TABLE_SQL,
  toLinkClick,
  toLinkRow,
  type LinkStore,
} from './links';
import { openSideTable, type SideTableOptions } from './postgres-side-table';

type Row = Record<string, unknown>;

class RegisterConflict extends Error {}

export type PostgresLinksOptions = SideTableOptions;

export const openPostgresLinks = async (options: PostgresLinksOptions): Promise<LinkStore> => {
  const { pool, inTransaction, migrate, close } = openSideTable(
    options,
    'links',
    `${LINK_TABLE_SQL}\n${LINK_PROOF_COLUMN_SQL};`,
  );
  return {
    kind: 'postgres',
    migrate,
    close,
    async register(orgId, links, now) {
      const hashes = links.map((link) => link.tokenHash);
      return inTransaction(async (client) => {
        // Two statements for the whole batch: insert what is new, then check every hash's owner and kind.
        await client.query(
          `INSERT INTO link_tokens (token_hash, kind, org_id, created_at)
           SELECT DISTINCT ON (hash) hash, kind, $3, $4 FROM unnest($1::text[], $2::text[]) AS batch (hash, kind)
           ON CONFLICT (token_hash) DO UPDATE SET created_at = GREATEST(link_tokens.created_at, EXCLUDED.created_at)
           WHERE link_tokens.clicked_at IS NULL`,
          [hashes, links.map((link) => link.kind), orgId, now],
        );
        const found = await client.query('SELECT * FROM link_tokens WHERE token_hash = ANY($1)', [hashes]);
        const stored = new Map((found.rows as Row[]).map((row) => [String(row.token_hash), toLinkRow(row)]));
        // Rolls back what this batch inserted.
        if (links.some((link) => conflicts(stored.get(link.tokenHash), orgId, link)))
          throw new RegisterConflict();
        return 'ok' as const;
      }).catch((error: unknown) => {
        if (error instanceof RegisterConflict) return 'conflict' as const;
        throw error;
      });
    },
    async find(tokenHash) {
      const found = await pool.query('SELECT * FROM link_tokens WHERE token_hash = $1', [tokenHash]);
      const row = found.rows[0] as Row | undefined;
      return row ? toLinkRow(row) : undefined;
    },
    async recordClick(tokenHash, kind, now, proof) {
      return inTransaction(async (client) => {
        const found = await client.query('SELECT * FROM link_tokens WHERE token_hash = $1 FOR UPDATE', [
          tokenHash,
        ]);
        const row = found.rows[0] as Row | undefined;
        const link = row ? toLinkRow(row) : undefined;
        if (!link || link.kind !== kind) return undefined;
        if (link.clickedAt !== null) return { clickedAt: link.clickedAt };
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kluis-link-click-${link.orgId}`]);
        await client.query(
          `UPDATE link_tokens SET clicked_at = $1, click_proof = $4,
             click_seq = (SELECT COALESCE(MAX(click_seq), 0) + 1 FROM link_tokens WHERE org_id = $2)
           WHERE token_hash = $3`,
          [now, link.orgId, tokenHash, proof],
        );
        return { clickedAt: now };
      });
    },
    async clicks(orgId, after, limit) {
      const found = await pool.query(
        `SELECT token_hash, kind, clicked_at, click_seq, click_proof FROM link_tokens
         WHERE org_id = $1 AND click_seq > $2 ORDER BY click_seq LIMIT $3`,
        [orgId, after, limit],
      );
      return (found.rows as Row[]).map(toLinkClick);
    },
    async storedBytes(orgId) {
      const found = await pool.query('SELECT COUNT(*) AS n FROM link_tokens WHERE org_id = $1', [orgId]);
      return Number((found.rows[0] as Row).n) * LINK_ROW_BYTES;
    },
    async purge(registeredBefore, clickedBefore) {
      const done = await pool.query(
        `DELETE FROM link_tokens l WHERE
           (l.clicked_at IS NULL AND l.created_at < $1)
           OR (l.clicked_at < $2 AND l.click_seq < (SELECT MAX(t.click_seq) FROM link_tokens t WHERE t.org_id = l.org_id))`,
        [registeredBefore, clickedBefore],
      );
      return done.rowCount ?? 0;
    },
  };
};
