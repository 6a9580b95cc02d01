// PostgreSQL for organisations that outgrow one machine; several server instances may share one database
// (postgres-notify.ts tells each instance's live clients of every instance's writes).
import pg from 'pg';
import { APPEND_ONLY_KINDS, type Collection } from '../../shared/sync';
import { MIGRATIONS } from './migrations/index';
import {
  carriable,
  checkKeyEpoch,
  ForeignIdError,
  ownKeysDestroyed,
  planPush,
  PushRefusedError,
  pushSubjects,
} from './push-rules';
import { openPostgresKeys, postgresCurrentEpochId } from './postgres-keys';
import { openPostgresDevices } from './postgres-devices';
import { openPostgresLedger } from './postgres-ledger';
import { postgresUsage } from './usage';
import { postgresHeldPages } from './held-pages';
import { listenForWrites, transactions, writeNotice } from './postgres-notify';
import { toAnchor, toMaster, toUser, toUserSummary, USER_COLUMNS, userUpdates, userValues } from './rows';
import type { CarriedWrite, PushOutcome, Storage, StoredPushRow, WriteNotice } from './types';

type Row = Record<string, unknown>;

export interface PostgresOptions {
  connectionString: string;
  /** Tables live in this schema (created if missing); tests use one per run. */
  schema?: string;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,40}$/;

export const openPostgresStorage = async ({
  connectionString,
  schema = 'public',
}: PostgresOptions): Promise<Storage> => {
  if (!SCHEMA.test(schema)) throw new Error('Invalid PostgreSQL schema name');
  const config = { connectionString, options: `-c search_path=${schema}` };
  const pool = new pg.Pool({ ...config, max: 10 });
  // An idle client that loses its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  const channel = `kluis_writes_${schema}`;
  const listeners = new Set<(notice: WriteNotice, carried?: CarriedWrite) => void>();

  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const announce = (notice: WriteNotice, carried?: CarriedWrite) => {
    for (const fn of listeners) fn(notice, carried);
  };

  const writes = await listenForWrites(config, channel, announce);

  const inTransaction = transactions(pool);
  const one = async (sql: string, values: unknown[] = []): Promise<Row | undefined> =>
    (await pool.query(sql, values)).rows[0] as Row | undefined;
  const all = async (sql: string, values: unknown[] = []): Promise<Row[]> =>
    (await pool.query(sql, values)).rows as Row[];
  const placeholders = (n: number, from = 1) =>
    Array.from({ length: n }, (_, i) => `$${i + from}`).join(', ');
  const insertUserSql = `INSERT INTO users (${USER_COLUMNS.join(', ')}) VALUES (${placeholders(USER_COLUMNS.length)})`;

  /** The subjects among these that the organisation erased (a cheap check first: most have none). */
  const erasedAmong = async (
    client: pg.PoolClient,
    orgId: string,
    collection: Collection,
    rows: StoredPushRow[],
  ): Promise<Set<string>> => {
    const any = await client.query('SELECT 1 FROM erasures WHERE org_id = $1 LIMIT 1', [orgId]);
    if (any.rowCount === 0) return new Set();
    const subjects = pushSubjects(collection, rows);
    if (subjects.length === 0) return new Set();
    const found = await client.query(
      'SELECT subject_id FROM erasures WHERE org_id = $1 AND subject_id = ANY($2)',
      [orgId, subjects],
    );
    return new Set((found.rows as Row[]).map((r) => String(r.subject_id)));
  };

  /** The subjects among these that have live append-only items (ledger entries) stored. */
  const withLedger = async (
    client: pg.PoolClient,
    orgId: string,
    subjects: string[],
  ): Promise<Set<string>> => {
    if (subjects.length === 0) return new Set();
    const found = await client.query(
      `SELECT DISTINCT subject_id FROM documents WHERE org_id = $1 AND collection = 'items' AND NOT deleted
         AND subject_id = ANY($2) AND kind = ANY($3)`,
      [orgId, subjects, [...APPEND_ONLY_KINDS]],
    );
    return new Set((found.rows as Row[]).map((r) => String(r.subject_id)));
  };

  return {
    kind: 'postgres',
    ...openPostgresLedger({ pool, inTransaction, channel }),
    ...openPostgresKeys({ pool, inTransaction }),
    ...postgresUsage(pool),
    ...postgresHeldPages(pool),
    ...openPostgresDevices(pool),
    async migrate() {
      await inTransaction(async (client) => {
        // One migrator at a time when several instances start together.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kluis-migrate-${schema}`]);
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)');
        const done = new Set(
          (await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)),
        );
        for (const migration of MIGRATIONS) {
          if (done.has(migration.version)) continue;
          await client.query(migration.postgres);
          await migration.backfill?.postgres(client);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
        }
      });
    },
    async close() {
      listeners.clear();
      await writes.close();
      await pool.end();
    },

    async createOrganisation(orgId, admin, now, firstEpochId) {
      return inTransaction(async (client) => {
        const inserted = await client.query(
          'INSERT INTO orgs (id, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [orgId, now],
        );
        if (inserted.rowCount !== 1) return 'org-exists' as const;
        const user = await client.query(`${insertUserSql} ON CONFLICT DO NOTHING`, userValues(admin));
        // Throwing rolls the new organisation back with the transaction.
        if (user.rowCount !== 1) throw new UserExists();
        // The first page key: epoch 0, finished from the start (no page is under anything older).
        if (firstEpochId !== undefined)
          await client.query(
            `INSERT INTO key_epochs (org_id, epoch_id, seq, reason, created_at, created_by, finished_at)
             VALUES ($1, $2, 0, 'created', $3, $4, $3)`,
            [orgId, firstEpochId, now, admin.id],
          );
        return 'ok' as const;
      }).catch((error: unknown) => {
        if (error instanceof UserExists) return 'user-exists' as const;
        throw error;
      });
    },
    async getUser(userId) {
      const row = await one('SELECT * FROM users WHERE id = $1', [userId]);
      return row ? toUser(row) : undefined;
    },
    async insertUser(user) {
      const result = await pool.query(`${insertUserSql} ON CONFLICT DO NOTHING`, userValues(user));
      return result.rowCount === 1 ? 'ok' : 'user-exists';
    },
    async replaceUserKeys(orgId, userId, expectedVerifierHash, fields) {
      const result = await pool.query(
        'UPDATE users SET verifier_hash = $1, keys = $2 WHERE id = $3 AND org_id = $4 AND verifier_hash = $5',
        [fields.verifierHash, JSON.stringify(fields.keys), userId, orgId, expectedVerifierHash],
      );
      return result.rowCount === 1;
    },
    async redeemInvite(orgId, userId, inviteHash, fields) {
      // One conditional UPDATE: PostgreSQL re-checks invite_hash after waiting for a racing update's row
      // lock, so of concurrent redemptions of one code exactly one changes the row.
      const result = await pool.query(
        `UPDATE users SET invite_hash = NULL, verifier_hash = $1, keys = $2
         WHERE id = $3 AND org_id = $4 AND invite_hash = $5`,
        [fields.verifierHash, JSON.stringify(fields.keys), userId, orgId, inviteHash],
      );
      return result.rowCount === 1;
    },
    async updateUser(orgId, userId, fields) {
      const updates = userUpdates(fields);
      if (updates.length === 0)
        return Boolean(await one('SELECT 1 FROM users WHERE id = $1 AND org_id = $2', [userId, orgId]));
      const sets = updates.map(([column], i) => `${column} = $${i + 3}`).join(', ');
      const result = await pool.query(`UPDATE users SET ${sets} WHERE id = $1 AND org_id = $2`, [
        userId,
        orgId,
        ...updates.map(([, value]) => value),
      ]);
      return result.rowCount === 1;
    },
    async listUsers(orgId) {
      return (await all('SELECT * FROM users WHERE org_id = $1 ORDER BY id', [orgId])).map(toUserSummary);
    },

    async push(orgId, collection: Collection, rows, now, deviceId, role) {
      const outcome = await inTransaction(async (client): Promise<PushOutcome> => {
        // Locking the organisation row serialises its pushes (and erasures), so sequences are assigned
        // without gaps or races and a push sees every erasure committed before it.
        const org = (await client.query('SELECT seq FROM orgs WHERE id = $1 FOR UPDATE', [orgId])).rows[0] as
          Row | undefined;
        if (!org) return { ok: false, error: 'not-found' };
        const found = (
          await client.query(
            `SELECT id, org_id, doc, deleted, first_device FROM documents WHERE collection = $1 AND id = ANY($2)
             FOR UPDATE`,
            [collection, rows.map((r) => r.id)],
          )
        ).rows as Row[];
        const masters = new Map(found.map((r) => [String(r.id), toMaster(r)]));
        // Read after the organisation lock, which a rotation takes too: none commits meanwhile.
        if (collection === 'keys')
          checkKeyEpoch(collection, rows, await postgresCurrentEpochId(client, orgId));
        const erased = await erasedAmong(client, orgId, collection, rows);
        // The server's own writes (no role) are not held to the key-page rule.
        const writer = role ? { role, deviceId: deviceId ?? null } : undefined;
        const ledger = await withLedger(
          client,
          orgId,
          ownKeysDestroyed(collection, rows, masters, erased, writer),
        );
        // Throws PushRefusedError before anything is written; the transaction is rolled back either way.
        const plan = planPush(orgId, collection, rows, masters, erased, writer, ledger);
        const writes = plan.writes;
        const first = Number(org.seq) + 1;
        const seq = Number(org.seq) + writes.length;
        // What a live device needs to apply this push from its event without pulling (CarriedWrite);
        // read under the organisation's lock, so no other push of it lands in between.
        const carry = carriable(writes);
        const previous = carry
          ? Number(
              (
                (
                  await client.query(
                    'SELECT MAX(seq) AS seq FROM documents WHERE org_id = $1 AND collection = $2',
                    [orgId, collection],
                  )
                ).rows[0] as Row
              ).seq ?? 0,
            )
          : 0;
        // One statement for the whole push: one per row took ~24 s for 100,000 documents in pushes of 500
        // over HTTP here; this takes ~6 s (SQLite: ~2 s).
        if (writes.length > 0) {
          // The documents, the organisation's sequence and the notice in one statement (one round trip, not
          // three: each costs a turn of the database's process, the most of a push on a busy machine). The
          // notice reaches every listening instance (this one included) only when the transaction commits.
          await client.query(
            `WITH written AS (
               INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc, first_seq, first_device,
                 kind, subject_id, key_id, territory)
               SELECT $1, w.id, $2, w.seq, w.deleted, $3, w.doc, w.seq, $4, w.kind, w.subject_id, w.key_id,
                 w.territory
               FROM unnest($5::text[], $6::bigint[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[],
                 $15::text[]) AS w(id, seq, deleted, doc, kind, subject_id, key_id, territory)
               ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, deleted = excluded.deleted,
                 written_at = excluded.written_at, doc = excluded.doc, kind = excluded.kind,
                 subject_id = excluded.subject_id, key_id = excluded.key_id, territory = excluded.territory
               RETURNING 1
             ), moved AS (UPDATE orgs SET seq = $12 WHERE id = $2 RETURNING id)
             SELECT pg_notify($13, $14) FROM moved`,
            [
              collection,
              orgId,
              now,
              deviceId ?? null,
              writes.map((w) => w.id),
              writes.map((_, i) => first + i),
              writes.map((w) => w.deleted),
              writes.map((w) => w.doc),
              writes.map((w) => w.kind),
              writes.map((w) => w.subjectId),
              writes.map((w) => w.keyId),
              seq,
              channel,
              writeNotice(
                orgId,
                seq,
                carry
                  ? { collection, previous, docs: writes.map((w, i) => ({ doc: w.doc, seq: first + i })) }
                  : undefined,
              ),
              writes.map((w) => w.territory),
            ],
          );
        }
        const result: PushOutcome = {
          ok: true,
          conflicts: plan.conflicts,
          sequence: writes.length > 0 ? seq : null,
        };
        return plan.erased > 0 ? { ...result, erased: plan.erased } : result;
      }).catch((error: unknown) => {
        if (error instanceof ForeignIdError) return { ok: false as const, error: 'foreign-id' as const };
        if (error instanceof PushRefusedError) return { ok: false as const, error: error.code };
        throw error;
      });
      return outcome;
    },
    async pull(orgId, collection, after, limit) {
      const org = await one('SELECT purged_seq, seq FROM orgs WHERE id = $1', [orgId]);
      const docs = (
        await all(
          'SELECT doc, seq FROM documents WHERE org_id = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4',
          [orgId, collection, after, limit],
        )
      ).map((r) => ({ doc: String(r.doc), seq: Number(r.seq) }));
      return { docs, purgedThrough: Number(org?.purged_seq ?? 0), sequence: Number(org?.seq ?? 0) };
    },
    async currentSequence(orgId) {
      return Number((await one('SELECT seq FROM orgs WHERE id = $1', [orgId]))?.seq ?? 0);
    },
    async purgeTombstones(before) {
      return inTransaction(async (client) => {
        await client.query(
          `UPDATE orgs SET purged_seq = GREATEST(purged_seq, t.max_seq)
           FROM (SELECT org_id, MAX(seq) AS max_seq FROM documents WHERE deleted AND written_at < $1 GROUP BY org_id) t
           WHERE orgs.id = t.org_id`,
          [before],
        );
        return (
          (await client.query('DELETE FROM documents WHERE deleted AND written_at < $1', [before]))
            .rowCount ?? 0
        );
      });
    },

    onWrite(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async auditAnchors(orgId) {
      return (
        await all('SELECT device_id, seq, hash, signer FROM audit_anchors WHERE org_id = $1', [orgId])
      ).map(toAnchor);
    },
    async anchorAudit(orgId, anchors, now) {
      await inTransaction(async (client) => {
        for (const a of anchors) {
          await client.query(
            `INSERT INTO audit_anchors (org_id, device_id, seq, hash, anchored_at, signer)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (org_id, device_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash,
               anchored_at = EXCLUDED.anchored_at, signer = COALESCE(audit_anchors.signer, EXCLUDED.signer)
               WHERE EXCLUDED.seq > audit_anchors.seq`,
            [orgId, a.deviceId, a.seq, a.hash, now, a.signer],
          );
        }
      });
    },
    async allAuditDocs() {
      return (
        await all("SELECT org_id, doc FROM documents WHERE collection = 'audit' ORDER BY org_id", [])
      ).map((r) => ({ orgId: String(r.org_id), doc: String(r.doc) }));
    },
    async dumpAllRows() {
      const tables = await all('SELECT table_name FROM information_schema.tables WHERE table_schema = $1', [
        schema,
      ]);
      const rows: string[] = [];
      for (const { table_name } of tables) {
        const name = String(table_name).replaceAll('"', '""');
        for (const row of await all(`SELECT * FROM "${name}"`)) rows.push(JSON.stringify(row));
      }
      return rows;
    },
  };
};

class UserExists extends Error {}
