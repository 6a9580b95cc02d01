// Key epochs on SQLite: the organisation's page-key epochs, the members' grants, what schedules the next
// rotation and what each device acknowledged. Kept apart from sqlite.ts like the ledger. Each rotation
// and finish is one synchronous transaction, so nothing interleaves with a push.
import type Database from 'better-sqlite3';
import type { MemberStatus } from '../../shared/sync';
import { refuseRotation } from './epoch-rules';
import { toKeyEpoch } from './rows';
import type { KeyEpochFinishOutcome, KeyEpochStart, KeyEpochStartOutcome, KeyEpochStorage } from './types';

type Row = Record<string, unknown>;

/** The organisation's current epoch id (highest seq), or null; for the push transaction too. */
export const sqliteCurrentEpochId = (db: Database.Database, orgId: string): string | null => {
  const row = db
    .prepare('SELECT epoch_id FROM key_epochs WHERE org_id = ? ORDER BY seq DESC LIMIT 1')
    .get(orgId) as Row | undefined;
  return row ? String(row.epoch_id) : null;
};

export const openSqliteKeys = (db: Database.Database): KeyEpochStorage => {
  const currentRow = (orgId: string) =>
    db.prepare('SELECT * FROM key_epochs WHERE org_id = ? ORDER BY seq DESC LIMIT 1').get(orgId) as
      Row | undefined;
  const epochRow = (orgId: string, epochId: string) =>
    db.prepare('SELECT * FROM key_epochs WHERE org_id = ? AND epoch_id = ?').get(orgId, epochId) as
      Row | undefined;
  // The partial index documents_key_pages covers this: no page is read.
  const pending = (orgId: string, epochId: string) =>
    Number(
      (
        db
          .prepare(
            `SELECT COUNT(*) AS n FROM documents
             WHERE org_id = ? AND collection = 'keys' AND deleted = 0 AND key_id IS NOT ?
             AND COALESCE(key_id, '') NOT LIKE 't________________:%'`,
          )
          .get(orgId, epochId) as Row
      ).n,
    );

  const startTx = db.transaction((orgId: string, start: KeyEpochStart): KeyEpochStartOutcome => {
    if (!db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(orgId)) return { ok: false, error: 'not-found' };
    const head = currentRow(orgId);
    const current = head ? toKeyEpoch(head) : undefined;
    const users = (
      db.prepare('SELECT id, status, sealed_org_key FROM users WHERE org_id = ?').all(orgId) as Row[]
    ).map((r) => ({
      id: String(r.id),
      status: r.status as MemberStatus,
      sealedOrgKey: typeof r.sealed_org_key === 'string' ? r.sealed_org_key : null,
    }));
    const refusal = refuseRotation(current, Boolean(epochRow(orgId, start.epochId)), users, start);
    if (refusal) return { ok: false, error: refusal };
    const seq = current ? current.seq + 1 : 0;
    db.prepare(
      `INSERT INTO key_epochs (org_id, epoch_id, seq, reason, created_at, created_by, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL)`,
    ).run(orgId, start.epochId, seq, start.reason, start.now, start.createdBy);
    const grant = db.prepare(
      'INSERT INTO key_grants (org_id, user_id, epoch_id, sealed, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const g of start.grants) grant.run(orgId, g.userId, start.epochId, g.sealed, start.now);
    // What scheduled this rotation is answered by it; a removal or erasure after it waits for the next.
    db.prepare('DELETE FROM key_rotation_due WHERE org_id = ?').run(orgId);
    return { ok: true, epoch: toKeyEpoch(epochRow(orgId, start.epochId) as Row) };
  });

  const finishTx = db.transaction((orgId: string, epochId: string, now: number): KeyEpochFinishOutcome => {
    const row = epochRow(orgId, epochId);
    if (!row) return { ok: false, error: 'not-found' };
    if (row.finished_at !== null) return { ok: true, epoch: toKeyEpoch(row) };
    if (String(currentRow(orgId)?.epoch_id) !== epochId) return { ok: false, error: 'epoch-stale' };
    if (pending(orgId, epochId) > 0) return { ok: false, error: 'pages-pending' };
    db.prepare('UPDATE key_epochs SET finished_at = ? WHERE org_id = ? AND epoch_id = ?').run(
      now,
      orgId,
      epochId,
    );
    return { ok: true, epoch: toKeyEpoch(epochRow(orgId, epochId) as Row) };
  });

  return {
    async listKeyEpochs(orgId) {
      return (db.prepare('SELECT * FROM key_epochs WHERE org_id = ? ORDER BY seq').all(orgId) as Row[]).map(
        toKeyEpoch,
      );
    },
    async currentKeyEpoch(orgId) {
      const row = currentRow(orgId);
      return row ? toKeyEpoch(row) : undefined;
    },
    async startKeyEpoch(orgId, start) {
      return startTx(orgId, start);
    },
    async finishKeyEpoch(orgId, epochId, now) {
      return finishTx(orgId, epochId, now);
    },
    async listKeyGrants(userId) {
      return (
        db
          .prepare(
            `SELECT g.epoch_id, g.sealed FROM key_grants g
             JOIN key_epochs e ON e.org_id = g.org_id AND e.epoch_id = g.epoch_id
             WHERE g.user_id = ? ORDER BY e.seq`,
          )
          .all(userId) as Row[]
      ).map((r) => ({ epochId: String(r.epoch_id), sealed: String(r.sealed) }));
    },
    async countPendingKeyPages(orgId, epochId) {
      return pending(orgId, epochId);
    },
    async addRotationDue(orgId, reason, at) {
      db.prepare('INSERT INTO key_rotation_due (org_id, reason, at) VALUES (?, ?, ?)').run(orgId, reason, at);
    },
    async listRotationDue(orgId) {
      return (
        db
          .prepare(
            `SELECT reason, COUNT(*) AS n, MIN(at) AS since FROM key_rotation_due WHERE org_id = ?
             GROUP BY reason ORDER BY reason`,
          )
          .all(orgId) as Row[]
      ).map((r) => ({
        reason: r.reason as 'erasure' | 'removal',
        count: Number(r.n),
        since: Number(r.since),
      }));
    },
    async ackKeyEpoch(orgId, deviceId, epochId) {
      const result = db
        .prepare(
          `UPDATE devices SET key_epoch = ? WHERE id = ? AND org_id = ?
             AND EXISTS (SELECT 1 FROM key_epochs WHERE org_id = ? AND epoch_id = ?)`,
        )
        .run(epochId, deviceId, orgId, orgId, epochId);
      return result.changes === 1;
    },
    async devicesBehind(orgId, epochId) {
      return (
        db
          .prepare(
            `SELECT d.id, d.user_id, d.key_epoch, d.last_sync_at FROM devices d JOIN users u ON u.id = d.user_id
             WHERE d.org_id = ? AND d.revoked_at IS NULL AND u.status <> 'removed' AND d.key_epoch IS NOT ?
             ORDER BY d.created_at, d.id`,
          )
          .all(orgId, epochId) as Row[]
      ).map((r) => ({
        deviceId: String(r.id),
        userId: String(r.user_id),
        epochId: typeof r.key_epoch === 'string' ? r.key_epoch : null,
        lastSyncAt: r.last_sync_at === null ? null : Number(r.last_sync_at),
      }));
    },
  };
};
