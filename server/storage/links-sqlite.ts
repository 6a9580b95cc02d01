// The link table (links.ts) in the embedded SQLite database: its own connection to the server's database
// file, so the table lives in the same file (and in its backups) without touching sqlite.ts. Every call is
// one synchronous transaction, so click sequences are handed out in order.
import {
  conflicts,
  LINK_ROW_BYTES,
  LINK_TABLE_SQL,
  toLinkClick,
  toLinkRow,
  type LinkStore,
  type NewLink,
} from './links';
import { openSqliteFile } from './sqlite-file';

type Row = Record<string, unknown>;

const PURGE_SQL = `DELETE FROM link_tokens WHERE
  (clicked_at IS NULL AND created_at < ?)
  OR (clicked_at < ? AND click_seq < (SELECT MAX(t.click_seq) FROM link_tokens t WHERE t.org_id = link_tokens.org_id))`;

class RegisterConflict extends Error {}

export const openSqliteLinks = (file: string): LinkStore => {
  const db = openSqliteFile(file);
  // The storage's own connection may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');

  const find = (tokenHash: string) => {
    const row = db.prepare('SELECT * FROM link_tokens WHERE token_hash = ?').get(tokenHash) as
      Row | undefined;
    return row ? toLinkRow(row) : undefined;
  };

  // A refused batch must leave nothing behind: throwing rolls the transaction back.
  const registerTx = db.transaction((orgId: string, links: readonly NewLink[], now: number) => {
    const insert = db.prepare(
      `INSERT INTO link_tokens (token_hash, kind, org_id, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (token_hash) DO UPDATE SET created_at = MAX(created_at, excluded.created_at)
       WHERE clicked_at IS NULL`,
    );
    for (const link of links) {
      if (conflicts(find(link.tokenHash), orgId, link)) throw new RegisterConflict();
      insert.run(link.tokenHash, link.kind, orgId, now);
    }
  });

  const clickTx = db.transaction((tokenHash: string, kind: string, now: number, proof: string) => {
    const link = find(tokenHash);
    if (!link || link.kind !== kind) return undefined;
    if (link.clickedAt !== null) return { clickedAt: link.clickedAt };
    const last = db
      .prepare('SELECT COALESCE(MAX(click_seq), 0) AS seq FROM link_tokens WHERE org_id = ?')
      .get(link.orgId) as Row;
    db.prepare(
      'UPDATE link_tokens SET clicked_at = ?, click_seq = ?, click_proof = ? WHERE token_hash = ?',
    ).run(now, Number(last.seq) + 1, proof, tokenHash);
    return { clickedAt: now };
  });

  return {
    kind: 'sqlite',
    async migrate() {
      db.exec(LINK_TABLE_SQL);
      // A table made before click proofs: SQLite has no ADD COLUMN IF NOT EXISTS.
      const columns = db.prepare('PRAGMA table_info(link_tokens)').all() as Row[];
      if (!columns.some((column) => column.name === 'click_proof'))
        db.exec('ALTER TABLE link_tokens ADD COLUMN click_proof TEXT');
    },
    async close() {
      db.close();
    },
    async register(orgId, links, now) {
      try {
        registerTx(orgId, links, now);
        return 'ok';
      } catch (error) {
        if (error instanceof RegisterConflict) return 'conflict';
        throw error;
      }
    },
    async find(tokenHash) {
      return find(tokenHash);
    },
    async recordClick(tokenHash, kind, now, proof) {
      return clickTx(tokenHash, kind, now, proof);
    },
    async clicks(orgId, after, limit) {
      const rows = db
        .prepare(
          `SELECT token_hash, kind, clicked_at, click_seq, click_proof FROM link_tokens
           WHERE org_id = ? AND click_seq > ? ORDER BY click_seq LIMIT ?`,
        )
        .all(orgId, after, limit) as Row[];
      return rows.map(toLinkClick);
    },
    async storedBytes(orgId) {
      const row = db.prepare('SELECT COUNT(*) AS n FROM link_tokens WHERE org_id = ?').get(orgId) as Row;
      return Number(row.n) * LINK_ROW_BYTES;
    },
    async purge(registeredBefore, clickedBefore) {
      return db.prepare(PURGE_SQL).run(registeredBefore, clickedBefore).changes;
    },
  };
};
