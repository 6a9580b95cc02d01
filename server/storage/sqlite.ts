// The embedded default: SQLite through better-sqlite3 in the data directory. Synchronous calls inside
// transactions; writes notify listeners of this process (one process owns the file).
import type { Collection } from '../../shared/sync';
import { MIGRATIONS } from './migrations/index';
import { openSqliteFile } from './sqlite-file';
import {
  carriable,
  checkKeyEpoch,
  ForeignIdError,
  ownKeysDestroyed,
  planPush,
  PushRefusedError,
  pushSubjects,
  type Master,
  type Writer,
} from './push-rules';
import { APPEND_ONLY_KINDS } from '../../shared/sync';
import {
  toAnchor,
  toDevice,
  toDeviceSummary,
  toMaster,
  toUser,
  toUserSummary,
  USER_COLUMNS,
  userUpdates,
  userValues,
} from './rows';
import { openSqliteKeys, sqliteCurrentEpochId } from './sqlite-keys';
import { openSqliteLedger } from './sqlite-ledger';
import { sqliteUsage } from './usage';
import { sqliteHeldPages } from './held-pages';
import type {
  CarriedWrite,
  DeviceRow,
  PushOutcome,
  Storage,
  StoredPushRow,
  UserRow,
  WriteNotice,
} from './types';

type Row = Record<string, unknown>;

export const openSqliteStorage = (file: string): Storage => {
  const db = openSqliteFile(file);
  db.pragma('foreign_keys = ON');
  const listeners = new Set<(notice: WriteNotice, carried?: CarriedWrite) => void>();

  const insertUser = (user: UserRow) =>
    db
      .prepare(
        `INSERT INTO users (${USER_COLUMNS.join(', ')}) VALUES (${USER_COLUMNS.map(() => '?').join(', ')})`,
      )
      .run(...userValues(user));

  /** The subjects among these that the organisation erased (a cheap check first: most have none). */
  const erasedAmong = (orgId: string, collection: Collection, rows: StoredPushRow[]): Set<string> => {
    if (!db.prepare('SELECT 1 FROM erasures WHERE org_id = ? LIMIT 1').get(orgId)) return new Set();
    const subjects = pushSubjects(collection, rows);
    if (subjects.length === 0) return new Set();
    const found = db
      .prepare(
        'SELECT subject_id FROM erasures WHERE org_id = ? AND subject_id IN (SELECT value FROM json_each(?))',
      )
      .all(orgId, JSON.stringify(subjects)) as Row[];
    return new Set(found.map((r) => String(r.subject_id)));
  };

  /** The subjects among these that have live append-only items (ledger entries) stored. */
  const withLedger = (orgId: string, subjects: string[]): Set<string> => {
    if (subjects.length === 0) return new Set();
    const found = db
      .prepare(
        `SELECT DISTINCT subject_id FROM documents WHERE org_id = ? AND collection = 'items' AND deleted = 0
           AND subject_id IN (SELECT value FROM json_each(?)) AND kind IN (SELECT value FROM json_each(?))`,
      )
      .all(orgId, JSON.stringify(subjects), JSON.stringify([...APPEND_ONLY_KINDS])) as Row[];
    return new Set(found.map((r) => String(r.subject_id)));
  };

  const pushTx = db.transaction(
    (
      orgId: string,
      collection: Collection,
      rows: StoredPushRow[],
      now: number,
      writer: { deviceId: string | null; role?: Writer['role'] },
    ) => {
      const deviceId = writer.deviceId;
      const org = db.prepare('SELECT seq FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
      if (!org) return { outcome: { ok: false, error: 'not-found' } as const, carried: undefined };
      const getMaster = db.prepare(
        'SELECT org_id, doc, deleted, first_device FROM documents WHERE collection = ? AND id = ?',
      );
      const masters = new Map<string, Master>();
      for (const row of rows) {
        const found = getMaster.get(collection, row.id) as Row | undefined;
        if (found) masters.set(row.id, toMaster(found));
      }
      // Read in this transaction: a rotation that committed first is seen, none commits meanwhile.
      if (collection === 'keys') checkKeyEpoch(collection, rows, sqliteCurrentEpochId(db, orgId));
      const erased = erasedAmong(orgId, collection, rows);
      // The server's own writes (no role) are not held to the key-page rule.
      const by = writer.role ? { role: writer.role, deviceId } : undefined;
      const ledger = withLedger(orgId, ownKeysDestroyed(collection, rows, masters, erased, by));
      const plan = planPush(orgId, collection, rows, masters, erased, by, ledger);
      const upsert = db.prepare(
        `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc, first_seq, first_device,
           kind, subject_id, key_id, territory) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
           written_at = excluded.written_at, doc = excluded.doc, kind = excluded.kind,
           subject_id = excluded.subject_id, key_id = excluded.key_id, territory = excluded.territory`,
      );
      // What a live device needs to apply this push from its event without pulling (CarriedWrite).
      const carry = carriable(plan.writes);
      const previous = carry
        ? Number(
            (
              db
                .prepare('SELECT MAX(seq) AS seq FROM documents WHERE org_id = ? AND collection = ?')
                .get(orgId, collection) as Row
            ).seq ?? 0,
          )
        : 0;
      let seq = Number(org.seq);
      for (const w of plan.writes) {
        seq += 1;
        upsert.run(
          collection,
          w.id,
          orgId,
          seq,
          w.deleted ? 1 : 0,
          now,
          w.doc,
          seq,
          deviceId,
          w.kind,
          w.subjectId,
          w.keyId,
          w.territory,
        );
      }
      const wrote = plan.writes.length > 0;
      if (wrote) db.prepare('UPDATE orgs SET seq = ? WHERE id = ?').run(seq, orgId);
      const outcome: PushOutcome = { ok: true, conflicts: plan.conflicts, sequence: wrote ? seq : null };
      const first = seq - plan.writes.length + 1;
      const carried =
        carry && wrote
          ? { collection, previous, docs: plan.writes.map((w, i) => ({ doc: w.doc, seq: first + i })) }
          : undefined;
      return { outcome: plan.erased > 0 ? { ...outcome, erased: plan.erased } : outcome, carried };
    },
  );

  const announce = (notice: WriteNotice, carried?: CarriedWrite) => {
    for (const listener of listeners) listener(notice, carried);
  };

  const storage: Storage = {
    kind: 'sqlite',
    ...openSqliteLedger(db, announce),
    ...openSqliteKeys(db),
    ...sqliteUsage(db),
    ...sqliteHeldPages(db),
    async migrate() {
      db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
      const done = new Set(
        (db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => Number(r.version)),
      );
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        db.transaction(() => {
          db.exec(migration.sqlite);
          migration.backfill?.sqlite(db);
          db.prepare('INSERT INTO schema_migrations (version) VALUES (?)').run(migration.version);
        })();
      }
    },
    async close() {
      listeners.clear();
      db.close();
    },

    async createOrganisation(orgId, admin, now, firstEpochId) {
      return db.transaction(() => {
        if (db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(orgId)) return 'org-exists' as const;
        if (db.prepare('SELECT 1 FROM users WHERE id = ?').get(admin.id)) return 'user-exists' as const;
        db.prepare('INSERT INTO orgs (id, created_at) VALUES (?, ?)').run(orgId, now);
        insertUser(admin);
        // The first page key: epoch 0, finished from the start (no page is under anything older).
        if (firstEpochId !== undefined)
          db.prepare(
            `INSERT INTO key_epochs (org_id, epoch_id, seq, reason, created_at, created_by, finished_at)
             VALUES (?, ?, 0, 'created', ?, ?, ?)`,
          ).run(orgId, firstEpochId, now, admin.id, now);
        return 'ok' as const;
      })();
    },
    async getUser(userId) {
      const row = db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as Row | undefined;
      return row ? toUser(row) : undefined;
    },
    async insertUser(user) {
      if (db.prepare('SELECT 1 FROM users WHERE id = ?').get(user.id)) return 'user-exists';
      insertUser(user);
      return 'ok';
    },
    async replaceUserKeys(orgId, userId, expectedVerifierHash, fields) {
      const result = db
        .prepare(
          'UPDATE users SET verifier_hash = ?, keys = ? WHERE id = ? AND org_id = ? AND verifier_hash = ?',
        )
        .run(fields.verifierHash, JSON.stringify(fields.keys), userId, orgId, expectedVerifierHash);
      return result.changes === 1;
    },
    async redeemInvite(orgId, userId, inviteHash, fields) {
      // One statement: the compare on invite_hash and the write happen together, so one code joins once.
      const result = db
        .prepare(
          `UPDATE users SET invite_hash = NULL, verifier_hash = ?, keys = ?
           WHERE id = ? AND org_id = ? AND invite_hash = ?`,
        )
        .run(fields.verifierHash, JSON.stringify(fields.keys), userId, orgId, inviteHash);
      return result.changes === 1;
    },
    async updateUser(orgId, userId, fields) {
      const updates = userUpdates(fields);
      if (updates.length === 0)
        return Boolean(db.prepare('SELECT 1 FROM users WHERE id = ? AND org_id = ?').get(userId, orgId));
      const sets = updates.map(([column]) => `${column} = ?`).join(', ');
      const result = db
        .prepare(`UPDATE users SET ${sets} WHERE id = ? AND org_id = ?`)
        .run(...updates.map(([, value]) => value), userId, orgId);
      return result.changes === 1;
    },
    async listUsers(orgId) {
      return (db.prepare('SELECT * FROM users WHERE org_id = ? ORDER BY id').all(orgId) as Row[]).map(
        toUserSummary,
      );
    },

    async insertDevice(d: DeviceRow) {
      db.prepare(
        `INSERT INTO devices (id, org_id, user_id, token_hash, created_at, expires_at, last_sync_at, revoked_at,
           signing_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        d.id,
        d.orgId,
        d.userId,
        d.tokenHash,
        d.createdAt,
        d.expiresAt,
        d.lastSyncAt,
        d.revokedAt,
        d.signingKey,
      );
    },
    async findDeviceByTokenHash(tokenHash) {
      const row = db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as Row | undefined;
      return row ? toDevice(row) : undefined;
    },
    async renewDevice(deviceId, tokenHash, expiresAt) {
      db.prepare('UPDATE devices SET token_hash = ?, expires_at = ? WHERE id = ?').run(
        tokenHash,
        expiresAt,
        deviceId,
      );
    },
    async touchDevice(deviceId, now) {
      db.prepare('UPDATE devices SET last_sync_at = ? WHERE id = ?').run(now, deviceId);
    },
    async listDevices(orgId) {
      return (
        db.prepare('SELECT * FROM devices WHERE org_id = ? ORDER BY created_at, id').all(orgId) as Row[]
      ).map(toDeviceSummary);
    },
    async revokeDevice(orgId, deviceId, now) {
      const result = db
        .prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND org_id = ?')
        .run(now, deviceId, orgId);
      return result.changes === 1;
    },

    async revokeUserDevices(orgId, userId, now) {
      return db
        .prepare('UPDATE devices SET revoked_at = ? WHERE user_id = ? AND org_id = ? AND revoked_at IS NULL')
        .run(now, userId, orgId).changes;
    },

    async devicesWithUsers(deviceIds) {
      const devices = (
        db
          .prepare('SELECT * FROM devices WHERE id IN (SELECT value FROM json_each(?))')
          .all(JSON.stringify(deviceIds)) as Row[]
      ).map(toDevice);
      const userIds = [...new Set(devices.map((d) => d.userId))];
      const users = new Map(
        (
          db
            .prepare('SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(userIds)) as Row[]
        ).map((row) => [String(row.id), toUser(row)]),
      );
      return devices.map((device) => ({ device, user: users.get(device.userId) }));
    },

    async push(orgId, collection, rows, now, deviceId, role) {
      let outcome: PushOutcome;
      let carried: CarriedWrite | undefined;
      try {
        ({ outcome, carried } = pushTx(orgId, collection, rows, now, { deviceId: deviceId ?? null, role }));
      } catch (error) {
        if (error instanceof ForeignIdError) return { ok: false, error: 'foreign-id' };
        // Thrown inside the transaction: better-sqlite3 rolled it back, nothing of the push is stored.
        if (error instanceof PushRefusedError) return { ok: false, error: error.code };
        throw error;
      }
      if (outcome.ok && outcome.sequence !== null) announce({ orgId, sequence: outcome.sequence }, carried);
      return outcome;
    },
    async pull(orgId, collection, after, limit) {
      const org = db.prepare('SELECT purged_seq, seq FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
      const docs = (
        db
          .prepare(
            'SELECT doc, seq FROM documents WHERE org_id = ? AND collection = ? AND seq > ? ORDER BY seq LIMIT ?',
          )
          .all(orgId, collection, after, limit) as Row[]
      ).map((r) => ({ doc: String(r.doc), seq: Number(r.seq) }));
      return { docs, purgedThrough: Number(org?.purged_seq ?? 0), sequence: Number(org?.seq ?? 0) };
    },
    async currentSequence(orgId) {
      const org = db.prepare('SELECT seq FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
      return Number(org?.seq ?? 0);
    },
    async purgeTombstones(before) {
      return db.transaction(() => {
        db.prepare(
          `UPDATE orgs SET purged_seq = MAX(purged_seq, (SELECT MAX(seq) FROM documents d
             WHERE d.org_id = orgs.id AND d.deleted = 1 AND d.written_at < ?))
           WHERE EXISTS (SELECT 1 FROM documents d WHERE d.org_id = orgs.id AND d.deleted = 1 AND d.written_at < ?)`,
        ).run(before, before);
        return db.prepare('DELETE FROM documents WHERE deleted = 1 AND written_at < ?').run(before).changes;
      })();
    },

    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async auditAnchors(orgId) {
      return (
        db
          .prepare('SELECT device_id, seq, hash, signer FROM audit_anchors WHERE org_id = ?')
          .all(orgId) as Row[]
      ).map(toAnchor);
    },
    async anchorAudit(orgId, anchors, now) {
      const upsert = db.prepare(
        `INSERT INTO audit_anchors (org_id, device_id, seq, hash, anchored_at, signer) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (org_id, device_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
           anchored_at = excluded.anchored_at, signer = COALESCE(audit_anchors.signer, excluded.signer)
           WHERE excluded.seq > audit_anchors.seq`,
      );
      db.transaction(() => {
        for (const a of anchors) upsert.run(orgId, a.deviceId, a.seq, a.hash, now, a.signer);
      })();
    },
    async allAuditDocs() {
      return (
        db
          .prepare("SELECT org_id, doc FROM documents WHERE collection = 'audit' ORDER BY org_id")
          .all() as Row[]
      ).map((r) => ({ orgId: String(r.org_id), doc: String(r.doc) }));
    },
    async dumpAllRows() {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map(
        (r) => String(r.name),
      );
      return tables.flatMap((name) =>
        (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).all() as Row[]).map((row) =>
          JSON.stringify(row),
        ),
      );
    },
  };
  return storage;
};
