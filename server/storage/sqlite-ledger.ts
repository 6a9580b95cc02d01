// The erasure ledger and device exposure on SQLite: the part of the Storage interface that issues 6.5
// and 8.2 added, kept apart from sqlite.ts so each file reads in one go.
import type Database from 'better-sqlite3';
import type { Collection } from '../../shared/sync';
import { erasedTombstone, stripKeyPage } from './push-rules';
import { sqliteRestores } from './restores';
import { ERASURE_COLUMNS, erasureValues, toErasure, toExposed } from './rows';
import type { CheckpointEntry, ErasureRecord, LedgerStorage, WriteNotice } from './types';

type Row = Record<string, unknown>;

export const openSqliteLedger = (
  db: Database.Database,
  announce: (notice: WriteNotice) => void,
): LedgerStorage => {
  const getErasure = (orgId: string, subjectId: string) =>
    db.prepare('SELECT * FROM erasures WHERE org_id = ? AND subject_id = ?').get(orgId, subjectId) as
      Row | undefined;

  // Prepared per batch (a batch is written at most once a second): the table exists only after migrate().
  const recordCheckpointsTx = db.transaction((entries: readonly CheckpointEntry[]) => {
    const upsert = (restart: boolean) =>
      db.prepare(
        `INSERT INTO device_checkpoints (device_id, collection, checkpoint, at) VALUES (?, ?, ?, ?)
         ON CONFLICT (device_id, collection) DO UPDATE SET at = excluded.at,
           checkpoint = ${restart ? 'excluded.checkpoint' : 'MAX(checkpoint, excluded.checkpoint)'}`,
      );
    const [moving, restart] = [upsert(false), upsert(true)];
    for (const e of entries) (e.restart ? restart : moving).run(e.deviceId, e.collection, e.checkpoint, e.at);
  });
  const eraseTx = db.transaction((orgId: string, e: ErasureRecord, now: number) => {
    const existing = getErasure(orgId, e.subjectId);
    if (existing) return { entry: toErasure(existing), created: false, documents: 0 };
    const org = db.prepare('SELECT seq FROM orgs WHERE id = ?').get(orgId) as Row | undefined;
    if (!org) throw new Error('Unknown organisation');
    let seq = Number(org.seq);
    const update = db.prepare(
      'UPDATE documents SET seq = ?, deleted = ?, written_at = ?, doc = ? WHERE collection = ? AND id = ?',
    );
    const rewrite = (collection: string, id: string, doc: string, deleted: boolean) => {
      seq += 1;
      update.run(seq, deleted ? 1 : 0, now, doc, collection, id);
    };
    let documents = 0;
    const subjectDocs = db
      .prepare(
        `SELECT collection, id, doc FROM documents
           WHERE org_id = ? AND subject_id = ? AND collection IN ('records', 'items')`,
      )
      .all(orgId, e.subjectId) as Row[];
    for (const r of subjectDocs) {
      const tombstone = erasedTombstone(String(r.doc));
      if (tombstone === String(r.doc)) continue;
      rewrite(String(r.collection), String(r.id), tombstone, true);
      documents += 1;
    }
    // The subject id in quotes narrows the scan; stripKeyPage checks the entry itself.
    const pages = db
      .prepare(
        `SELECT id, doc, deleted FROM documents WHERE org_id = ? AND collection = 'keys' AND instr(doc, ?) > 0`,
      )
      .all(orgId, `\\"${e.subjectId}\\"`) as Row[];
    for (const page of pages) {
      const stripped = stripKeyPage(String(page.doc), new Set([e.subjectId]));
      if (stripped === null) continue;
      rewrite('keys', String(page.id), stripped, Number(page.deleted) === 1);
      documents += 1;
    }
    seq += 1;
    db.prepare(`INSERT INTO erasures (${ERASURE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ...erasureValues(orgId, e, now, seq),
    );
    db.prepare('UPDATE orgs SET seq = ? WHERE id = ?').run(seq, orgId);
    // Old copies of the pages still hold the subject's data key under the current page key: rotate.
    db.prepare("INSERT INTO key_rotation_due (org_id, reason, at) VALUES (?, 'erasure', ?)").run(orgId, now);
    return { entry: toErasure(getErasure(orgId, e.subjectId) as Row), created: true, documents };
  });

  return {
    ...sqliteRestores(db),
    async erase(orgId, erasure, now) {
      const outcome = eraseTx(orgId, erasure, now);
      if (!outcome.created) return outcome;
      // The log still holds the pages as they were before the erasure: copy it into the database and
      // empty it, so the subject's old ciphertext is not left on disk.
      db.pragma('wal_checkpoint(TRUNCATE)');
      announce({ orgId, sequence: outcome.entry.seq });
      return outcome;
    },
    async erasures(orgId, after) {
      return (
        db
          .prepare('SELECT * FROM erasures WHERE org_id = ? AND seq > ? ORDER BY seq')
          .all(orgId, after) as Row[]
      ).map(toErasure);
    },
    async erasure(orgId, subjectId) {
      const row = getErasure(orgId, subjectId);
      return row ? toErasure(row) : undefined;
    },
    async confirmErasures(orgId, deviceId, subjectIds, now) {
      const ids = JSON.stringify(subjectIds);
      return db.transaction(() => {
        db.prepare(
          `INSERT INTO erasure_confirmations (org_id, subject_id, device_id, confirmed_at)
           SELECT org_id, subject_id, ?, ? FROM erasures
           WHERE org_id = ? AND subject_id IN (SELECT value FROM json_each(?))
           ON CONFLICT DO NOTHING`,
        ).run(deviceId, now, orgId, ids);
        const count = db
          .prepare(
            'SELECT COUNT(*) AS n FROM erasures WHERE org_id = ? AND subject_id IN (SELECT value FROM json_each(?))',
          )
          .get(orgId, ids) as Row;
        return Number(count.n);
      })();
    },
    async erasureConfirmations(orgId, subjectId) {
      return (
        db
          .prepare(
            `SELECT device_id, confirmed_at FROM erasure_confirmations
             WHERE org_id = ? AND subject_id = ? ORDER BY confirmed_at, device_id`,
          )
          .all(orgId, subjectId) as Row[]
      ).map((r) => ({ deviceId: String(r.device_id), confirmedAt: Number(r.confirmed_at) }));
    },

    async recordCheckpoints(entries) {
      recordCheckpointsTx(entries);
    },
    async deviceCheckpoints(deviceId) {
      const rows = db
        .prepare('SELECT collection, checkpoint FROM device_checkpoints WHERE device_id = ?')
        .all(deviceId) as Row[];
      return Object.fromEntries(
        rows.map((r) => [String(r.collection) as Collection, Number(r.checkpoint)]),
      ) as Partial<Record<Collection, number>>;
    },
    async exposedDocuments(orgId, deviceId, { collection, checkpoint, after, limit }) {
      return (
        db
          .prepare(
            `SELECT id, kind, subject_id FROM documents
             WHERE collection = ? AND id > ? AND org_id = ?
               AND (first_seq <= ? OR first_device = ?) AND NOT (deleted = 1 AND seq <= ?)
             ORDER BY id LIMIT ?`,
          )
          .all(collection, after ?? '', orgId, checkpoint, deviceId, checkpoint, limit) as Row[]
      ).map((r) => toExposed(collection, r));
    },
  };
};
