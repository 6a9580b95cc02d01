// Marks a database as restored from a backup (server/restore.ts) and answers which pull checkpoints came
// from the database it replaced. Each organisation's sequence jumps past anything that database can have
// issued, so the sequences a device saw after the backup form a gap (backup, resumed] that no new write
// reuses: a checkpoint in it is recognised however many writes follow the restore.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { RestoreStorage } from './types';

type Row = Record<string, unknown>;

/**
 * How far a restore moves each organisation's sequence past the highest one known to have been issued
 * (the backup's, the replaced database's, the erasure ledger's): room for 2^36 writes made between the
 * backup and the restore that nothing recorded.
 */
export const RESTORE_GAP = 2 ** 36;

const toRange = (r: Row) => ({ backupSeq: Number(r.backup_seq), resumedSeq: Number(r.resumed_seq) });

export const sqliteRestores = (db: Database.Database): RestoreStorage => ({
  async markRestored(floors, now) {
    return db.transaction(() => {
      const orgs = db.prepare('SELECT id, seq FROM orgs ORDER BY id').all() as Row[];
      return orgs.map((org) => {
        const orgId = String(org.id);
        const backupSeq = Number(org.seq);
        const resumedSeq = Math.max(backupSeq, floors.get(orgId) ?? 0) + RESTORE_GAP;
        db.prepare('UPDATE orgs SET seq = ? WHERE id = ?').run(resumedSeq, orgId);
        db.prepare(
          'INSERT INTO restores (org_id, backup_seq, resumed_seq, restored_at) VALUES (?, ?, ?, ?)',
        ).run(orgId, backupSeq, resumedSeq, now);
        return { orgId, backupSeq, resumedSeq };
      });
    })();
  },
  async restoreRanges(orgId) {
    return (
      db.prepare('SELECT backup_seq, resumed_seq FROM restores WHERE org_id = ?').all(orgId) as Row[]
    ).map(toRange);
  },
});

export const postgresRestores = (
  pool: pg.Pool,
  inTransaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>,
): RestoreStorage => ({
  async markRestored(floors, now) {
    return inTransaction(async (client) => {
      const orgs = (await client.query('SELECT id, seq FROM orgs ORDER BY id FOR UPDATE')).rows as Row[];
      const marks = [];
      for (const org of orgs) {
        const orgId = String(org.id);
        const backupSeq = Number(org.seq);
        const resumedSeq = Math.max(backupSeq, floors.get(orgId) ?? 0) + RESTORE_GAP;
        await client.query('UPDATE orgs SET seq = $1 WHERE id = $2', [resumedSeq, orgId]);
        await client.query(
          'INSERT INTO restores (org_id, backup_seq, resumed_seq, restored_at) VALUES ($1, $2, $3, $4)',
          [orgId, backupSeq, resumedSeq, now],
        );
        marks.push({ orgId, backupSeq, resumedSeq });
      }
      return marks;
    });
  },
  async restoreRanges(orgId) {
    return (
      (await pool.query('SELECT backup_seq, resumed_seq FROM restores WHERE org_id = $1', [orgId]))
        .rows as Row[]
    ).map(toRange);
  },
});
