// Devices on PostgreSQL: each signed-in laptop's token hash, expiry, last sync and revocation, and the
// lookup that re-checks a batch of devices (with their users) before the server carries a write to them.
// Kept apart from postgres.ts like the ledger and the key epochs.
import type pg from 'pg';
import { toDevice, toDeviceSummary, toUser } from './rows';
import type { Storage } from './types';

type Row = Record<string, unknown>;

/** The device part of Storage. */
type DeviceStorage = Pick<
  Storage,
  | 'insertDevice'
  | 'findDeviceByTokenHash'
  | 'renewDevice'
  | 'touchDevice'
  | 'listDevices'
  | 'revokeDevice'
  | 'revokeUserDevices'
  | 'devicesWithUsers'
>;

export const openPostgresDevices = (pool: pg.Pool): DeviceStorage => {
  const one = async (sql: string, values: unknown[]): Promise<Row | undefined> =>
    (await pool.query(sql, values)).rows[0] as Row | undefined;
  const all = async (sql: string, values: unknown[]): Promise<Row[]> =>
    (await pool.query(sql, values)).rows as Row[];

  return {
    async insertDevice(d) {
      await pool.query(
        `INSERT INTO devices (id, org_id, user_id, token_hash, created_at, expires_at, last_sync_at, revoked_at,
           signing_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          d.id,
          d.orgId,
          d.userId,
          d.tokenHash,
          d.createdAt,
          d.expiresAt,
          d.lastSyncAt,
          d.revokedAt,
          d.signingKey,
        ],
      );
    },
    async findDeviceByTokenHash(tokenHash) {
      const row = await one('SELECT * FROM devices WHERE token_hash = $1', [tokenHash]);
      return row ? toDevice(row) : undefined;
    },
    async renewDevice(deviceId, tokenHash, expiresAt) {
      await pool.query('UPDATE devices SET token_hash = $1, expires_at = $2 WHERE id = $3', [
        tokenHash,
        expiresAt,
        deviceId,
      ]);
    },
    async touchDevice(deviceId, now) {
      await pool.query('UPDATE devices SET last_sync_at = $1 WHERE id = $2', [now, deviceId]);
    },
    async listDevices(orgId) {
      return (await all('SELECT * FROM devices WHERE org_id = $1 ORDER BY created_at, id', [orgId])).map(
        toDeviceSummary,
      );
    },
    async revokeUserDevices(orgId, userId, now) {
      const result = await pool.query(
        'UPDATE devices SET revoked_at = $1 WHERE user_id = $2 AND org_id = $3 AND revoked_at IS NULL',
        [now, userId, orgId],
      );
      return result.rowCount ?? 0;
    },
    async revokeDevice(orgId, deviceId, now) {
      const result = await pool.query(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND org_id = $3',
        [now, deviceId, orgId],
      );
      return result.rowCount === 1;
    },

    async devicesWithUsers(deviceIds) {
      const devices = (await all('SELECT * FROM devices WHERE id = ANY($1)', [[...deviceIds]])).map(toDevice);
      const userIds = [...new Set(devices.map((d) => d.userId))];
      const users = new Map(
        (await all('SELECT * FROM users WHERE id = ANY($1)', [userIds])).map((row) => [
          String(row.id),
          toUser(row),
        ]),
      );
      return devices.map((device) => ({ device, user: users.get(device.userId) }));
    },
  };
};
