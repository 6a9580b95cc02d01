// Key epochs on PostgreSQL: the organisation's page-key epochs, the members' grants, what schedules the
// next rotation and what each device acknowledged. Kept apart from postgres.ts like the ledger. A
// rotation and a finish lock the organisation row like a push does, so the three are serialised across
// every server instance; a rotation also locks the organisation's user rows, so a removal or a sealed
// organisation key lands wholly before or after the grants are checked.
import type pg from 'pg';
import type { MemberStatus } from '../../shared/sync';
import { refuseRotation } from './epoch-rules';
import { toKeyEpoch } from './rows';
import type { KeyEpochFinishOutcome, KeyEpochStartOutcome, KeyEpochStorage } from './types';

type Row = Record<string, unknown>;
type Queryable = Pick<pg.PoolClient, 'query'>;

export interface PostgresKeysOptions {
  pool: pg.Pool;
  inTransaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
}

const currentRow = async (client: Queryable, orgId: string): Promise<Row | undefined> =>
  (await client.query('SELECT * FROM key_epochs WHERE org_id = $1 ORDER BY seq DESC LIMIT 1', [orgId]))
    .rows[0] as Row | undefined;

/** The organisation's current epoch id (highest seq), or null; for the push transaction too. */
export const postgresCurrentEpochId = async (client: Queryable, orgId: string): Promise<string | null> => {
  const row = await currentRow(client, orgId);
  return row ? String(row.epoch_id) : null;
};

const epochRow = async (client: Queryable, orgId: string, epochId: string): Promise<Row | undefined> =>
  (await client.query('SELECT * FROM key_epochs WHERE org_id = $1 AND epoch_id = $2', [orgId, epochId]))
    .rows[0] as Row | undefined;

// The partial index documents_key_pages covers this: no page is read.
const pending = async (client: Queryable, orgId: string, epochId: string): Promise<number> =>
  Number(
    (
      (
        await client.query(
          `SELECT COUNT(*) AS n FROM documents
           WHERE org_id = $1 AND collection = 'keys' AND NOT deleted AND key_id IS DISTINCT FROM $2
           AND COALESCE(key_id, '') NOT LIKE 't________________:%'`,
          [orgId, epochId],
        )
      ).rows[0] as Row
    ).n,
  );

export const openPostgresKeys = ({ pool, inTransaction }: PostgresKeysOptions): KeyEpochStorage => ({
  async listKeyEpochs(orgId) {
    return (
      (await pool.query('SELECT * FROM key_epochs WHERE org_id = $1 ORDER BY seq', [orgId])).rows as Row[]
    ).map(toKeyEpoch);
  },
  async currentKeyEpoch(orgId) {
    const row = await currentRow(pool, orgId);
    return row ? toKeyEpoch(row) : undefined;
  },
  async startKeyEpoch(orgId, start) {
    return inTransaction(async (client): Promise<KeyEpochStartOutcome> => {
      const org = await client.query('SELECT 1 FROM orgs WHERE id = $1 FOR UPDATE', [orgId]);
      if (org.rowCount === 0) return { ok: false, error: 'not-found' };
      const head = await currentRow(client, orgId);
      const current = head ? toKeyEpoch(head) : undefined;
      const users = (
        (
          await client.query('SELECT id, status, sealed_org_key FROM users WHERE org_id = $1 FOR SHARE', [
            orgId,
          ])
        ).rows as Row[]
      ).map((r) => ({
        id: String(r.id),
        status: r.status as MemberStatus,
        sealedOrgKey: typeof r.sealed_org_key === 'string' ? r.sealed_org_key : null,
      }));
      const taken = Boolean(await epochRow(client, orgId, start.epochId));
      const refusal = refuseRotation(current, taken, users, start);
      if (refusal) return { ok: false, error: refusal };
      const inserted = (
        await client.query(
          `INSERT INTO key_epochs (org_id, epoch_id, seq, reason, created_at, created_by, finished_at)
           VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING *`,
          [orgId, start.epochId, current ? current.seq + 1 : 0, start.reason, start.now, start.createdBy],
        )
      ).rows[0] as Row;
      await client.query(
        `INSERT INTO key_grants (org_id, user_id, epoch_id, sealed, created_at)
         SELECT $1, g.user_id, $2, g.sealed, $3 FROM unnest($4::text[], $5::text[]) AS g(user_id, sealed)`,
        [
          orgId,
          start.epochId,
          start.now,
          start.grants.map((g) => g.userId),
          start.grants.map((g) => g.sealed),
        ],
      );
      // What scheduled this rotation is answered by it; a removal or erasure after it waits for the next.
      await client.query('DELETE FROM key_rotation_due WHERE org_id = $1', [orgId]);
      return { ok: true, epoch: toKeyEpoch(inserted) };
    });
  },
  async finishKeyEpoch(orgId, epochId, now) {
    return inTransaction(async (client): Promise<KeyEpochFinishOutcome> => {
      await client.query('SELECT 1 FROM orgs WHERE id = $1 FOR UPDATE', [orgId]);
      const row = await epochRow(client, orgId, epochId);
      if (!row) return { ok: false, error: 'not-found' };
      if (row.finished_at !== null) return { ok: true, epoch: toKeyEpoch(row) };
      if ((await postgresCurrentEpochId(client, orgId)) !== epochId)
        return { ok: false, error: 'epoch-stale' };
      if ((await pending(client, orgId, epochId)) > 0) return { ok: false, error: 'pages-pending' };
      const updated = (
        await client.query(
          'UPDATE key_epochs SET finished_at = $1 WHERE org_id = $2 AND epoch_id = $3 RETURNING *',
          [now, orgId, epochId],
        )
      ).rows[0] as Row;
      return { ok: true, epoch: toKeyEpoch(updated) };
    });
  },
  async listKeyGrants(userId) {
    return (
      (
        await pool.query(
          `SELECT g.epoch_id, g.sealed FROM key_grants g
           JOIN key_epochs e ON e.org_id = g.org_id AND e.epoch_id = g.epoch_id
           WHERE g.user_id = $1 ORDER BY e.seq`,
          [userId],
        )
      ).rows as Row[]
    ).map((r) => ({ epochId: String(r.epoch_id), sealed: String(r.sealed) }));
  },
  async countPendingKeyPages(orgId, epochId) {
    return pending(pool, orgId, epochId);
  },
  async addRotationDue(orgId, reason, at) {
    await pool.query('INSERT INTO key_rotation_due (org_id, reason, at) VALUES ($1, $2, $3)', [
      orgId,
      reason,
      at,
    ]);
  },
  async listRotationDue(orgId) {
    return (
      (
        await pool.query(
          `SELECT reason, COUNT(*) AS n, MIN(at) AS since FROM key_rotation_due WHERE org_id = $1
           GROUP BY reason ORDER BY reason`,
          [orgId],
        )
      ).rows as Row[]
    ).map((r) => ({ reason: r.reason as 'erasure' | 'removal', count: Number(r.n), since: Number(r.since) }));
  },
  async ackKeyEpoch(orgId, deviceId, epochId) {
    const result = await pool.query(
      `UPDATE devices SET key_epoch = $1 WHERE id = $2 AND org_id = $3
         AND EXISTS (SELECT 1 FROM key_epochs WHERE org_id = $3 AND epoch_id = $1)`,
      [epochId, deviceId, orgId],
    );
    return result.rowCount === 1;
  },
  async devicesBehind(orgId, epochId) {
    return (
      (
        await pool.query(
          `SELECT d.id, d.user_id, d.key_epoch, d.last_sync_at FROM devices d JOIN users u ON u.id = d.user_id
           WHERE d.org_id = $1 AND d.revoked_at IS NULL AND u.status <> 'removed'
             AND d.key_epoch IS DISTINCT FROM $2
           ORDER BY d.created_at, d.id`,
          [orgId, epochId],
        )
      ).rows as Row[]
    ).map((r) => ({
      deviceId: String(r.id),
      userId: String(r.user_id),
      epochId: typeof r.key_epoch === 'string' ? r.key_epoch : null,
      lastSyncAt: r.last_sync_at === null ? null : Number(r.last_sync_at),
    }));
  },
});
