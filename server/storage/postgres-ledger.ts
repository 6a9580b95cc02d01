// The erasure ledger and device exposure on PostgreSQL: the part of the Storage interface that issues
// 6.5 and 8.2 added, kept apart from postgres.ts so each file reads in one go.
import type pg from 'pg';
import type { Collection } from '../../shared/sync';
import { erasedTombstone, stripKeyPage } from './push-rules';
import { postgresRestores } from './restores';
import { ERASURE_COLUMNS, erasureValues, toErasure, toExposed } from './rows';
import type { LedgerStorage } from './types';

type Row = Record<string, unknown>;

export interface PostgresLedgerOptions {
  pool: pg.Pool;
  inTransaction: <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;
  /** The NOTIFY channel every instance listens on for committed writes. */
  channel: string;
}

export const openPostgresLedger = ({
  pool,
  inTransaction,
  channel,
}: PostgresLedgerOptions): LedgerStorage => {
  const all = async (sql: string, values: unknown[]): Promise<Row[]> =>
    (await pool.query(sql, values)).rows as Row[];

  return {
    ...postgresRestores(pool, inTransaction),
    async erase(orgId, e, now) {
      return inTransaction(async (client) => {
        // The organisation row lock serialises this with pushes and with a second erasure of the subject.
        const org = (await client.query('SELECT seq FROM orgs WHERE id = $1 FOR UPDATE', [orgId])).rows[0] as
          Row | undefined;
        if (!org) throw new Error('Unknown organisation');
        const existing = (
          await client.query('SELECT * FROM erasures WHERE org_id = $1 AND subject_id = $2', [
            orgId,
            e.subjectId,
          ])
        ).rows[0] as Row | undefined;
        if (existing) return { entry: toErasure(existing), created: false, documents: 0 };
        const rewrites: { collection: string; id: string; doc: string; deleted: boolean }[] = [];
        const subjectDocs = (
          await client.query(
            `SELECT collection, id, doc FROM documents
             WHERE org_id = $1 AND subject_id = $2 AND collection IN ('records', 'items') FOR UPDATE`,
            [orgId, e.subjectId],
          )
        ).rows as Row[];
        for (const r of subjectDocs) {
          const tombstone = erasedTombstone(String(r.doc));
          if (tombstone !== String(r.doc))
            rewrites.push({
              collection: String(r.collection),
              id: String(r.id),
              doc: tombstone,
              deleted: true,
            });
        }
        // The subject id in quotes narrows the scan; stripKeyPage checks the entry itself.
        const pages = (
          await client.query(
            `SELECT id, doc, deleted FROM documents
             WHERE org_id = $1 AND collection = 'keys' AND strpos(doc, $2) > 0 FOR UPDATE`,
            [orgId, `\\"${e.subjectId}\\"`],
          )
        ).rows as Row[];
        for (const page of pages) {
          const stripped = stripKeyPage(String(page.doc), new Set([e.subjectId]));
          if (stripped !== null)
            rewrites.push({
              collection: 'keys',
              id: String(page.id),
              doc: stripped,
              deleted: page.deleted === true,
            });
        }
        const first = Number(org.seq) + 1;
        if (rewrites.length > 0) {
          await client.query(
            `UPDATE documents d SET seq = w.seq, deleted = w.deleted, written_at = $1, doc = w.doc
             FROM unnest($2::text[], $3::text[], $4::bigint[], $5::boolean[], $6::text[])
               AS w(collection, id, seq, deleted, doc)
             WHERE d.collection = w.collection AND d.id = w.id`,
            [
              now,
              rewrites.map((w) => w.collection),
              rewrites.map((w) => w.id),
              rewrites.map((_, i) => first + i),
              rewrites.map((w) => w.deleted),
              rewrites.map((w) => w.doc),
            ],
          );
        }
        const seq = first + rewrites.length;
        const inserted = (
          await client.query(
            `INSERT INTO erasures (${ERASURE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
            erasureValues(orgId, e, now, seq),
          )
        ).rows[0] as Row;
        await client.query('UPDATE orgs SET seq = $1 WHERE id = $2', [seq, orgId]);
        // Old copies of the pages still hold the subject's data key under the current page key: rotate.
        await client.query("INSERT INTO key_rotation_due (org_id, reason, at) VALUES ($1, 'erasure', $2)", [
          orgId,
          now,
        ]);
        await client.query('SELECT pg_notify($1, $2)', [channel, `${orgId}:${seq}`]);
        return { entry: toErasure(inserted), created: true, documents: rewrites.length };
      });
    },
    async erasures(orgId, after) {
      return (
        await all('SELECT * FROM erasures WHERE org_id = $1 AND seq > $2 ORDER BY seq', [orgId, after])
      ).map(toErasure);
    },
    async erasure(orgId, subjectId) {
      const [row] = await all('SELECT * FROM erasures WHERE org_id = $1 AND subject_id = $2', [
        orgId,
        subjectId,
      ]);
      return row ? toErasure(row) : undefined;
    },
    async confirmErasures(orgId, deviceId, subjectIds, now) {
      return inTransaction(async (client) => {
        await client.query(
          `INSERT INTO erasure_confirmations (org_id, subject_id, device_id, confirmed_at)
           SELECT org_id, subject_id, $1, $2 FROM erasures WHERE org_id = $3 AND subject_id = ANY($4)
           ON CONFLICT DO NOTHING`,
          [deviceId, now, orgId, subjectIds],
        );
        const count = await client.query(
          'SELECT COUNT(*) AS n FROM erasures WHERE org_id = $1 AND subject_id = ANY($2)',
          [orgId, subjectIds],
        );
        return Number((count.rows[0] as Row).n);
      });
    },
    async erasureConfirmations(orgId, subjectId) {
      return (
        await all(
          `SELECT device_id, confirmed_at FROM erasure_confirmations
           WHERE org_id = $1 AND subject_id = $2 ORDER BY confirmed_at, device_id`,
          [orgId, subjectId],
        )
      ).map((r) => ({ deviceId: String(r.device_id), confirmedAt: Number(r.confirmed_at) }));
    },

    async recordCheckpoints(entries) {
      if (!entries.length) return;
      // One commit for the batch: each statement is a local round trip, the commit is the cost.
      await inTransaction(async (client) => {
        for (const e of entries) {
          await client.query(
            `INSERT INTO device_checkpoints (device_id, collection, checkpoint, at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (device_id, collection) DO UPDATE SET at = excluded.at,
               checkpoint = ${e.restart ? 'excluded.checkpoint' : 'GREATEST(device_checkpoints.checkpoint, excluded.checkpoint)'}`,
            [e.deviceId, e.collection, e.checkpoint, e.at],
          );
        }
      });
    },
    async deviceCheckpoints(deviceId) {
      const rows = await all('SELECT collection, checkpoint FROM device_checkpoints WHERE device_id = $1', [
        deviceId,
      ]);
      return Object.fromEntries(
        rows.map((r) => [String(r.collection) as Collection, Number(r.checkpoint)]),
      ) as Partial<Record<Collection, number>>;
    },
    async exposedDocuments(orgId, deviceId, { collection, checkpoint, after, limit }) {
      return (
        await all(
          `SELECT id, kind, subject_id FROM documents
           WHERE collection = $1 AND id > $2 AND org_id = $3
             AND (first_seq <= $4 OR first_device = $5) AND NOT (deleted AND seq <= $4)
           ORDER BY id LIMIT $6`,
          [collection, after ?? '', orgId, checkpoint, deviceId, limit],
        )
      ).map((r) => toExposed(collection, r));
    },
  };
};
