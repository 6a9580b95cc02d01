// Territory tags on documents (issue 19): each record, item and key page keeps the tag of its territory
// (territoryOfDocument, from the plaintext envelope; null for none), so a sales device's pull selects its
// territories' documents and those of no territory from an index instead of reading every page. Rows
// stored before get their tag here, computed by the same function the push path uses.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { territoryOfDocument } from '../../../shared/territories';
import type { Migration } from './index';

const text = `
ALTER TABLE documents ADD COLUMN territory TEXT;
CREATE INDEX documents_territory ON documents(org_id, collection, territory, seq);
`;

type Row = Record<string, unknown>;

/** The documents that may belong to a territory, with the envelope fields their tag is read from. */
const candidates = (json: (field: string) => string) =>
  `SELECT collection, id, ${json('id')} AS doc_id, ${json('keyId')} AS key_id FROM documents
   WHERE collection IN ('records', 'items', 'keys')`;

const tagged = (rows: Row[]) =>
  rows.flatMap((r) => {
    const tag = territoryOfDocument(String(r.collection), { id: r.doc_id, keyId: r.key_id });
    return tag === null ? [] : [{ collection: String(r.collection), id: String(r.id), tag }];
  });

const BATCH = 5_000;

export const migration: Migration = {
  version: 8,
  sqlite: text,
  postgres: text,
  backfill: {
    sqlite(db: Database.Database) {
      const rows = db.prepare(candidates((f) => `json_extract(doc, '$.${f}')`)).all() as Row[];
      const set = db.prepare('UPDATE documents SET territory = ? WHERE collection = ? AND id = ?');
      for (const { collection, id, tag } of tagged(rows)) set.run(tag, collection, id);
    },
    async postgres(client: pg.ClientBase) {
      const rows = tagged((await client.query(candidates((f) => `(doc::jsonb ->> '${f}')`))).rows as Row[]);
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        await client.query(
          `UPDATE documents d SET territory = w.tag
           FROM unnest($1::text[], $2::text[], $3::text[]) AS w(collection, id, tag)
           WHERE d.collection = w.collection AND d.id = w.id`,
          [batch.map((r) => r.collection), batch.map((r) => r.id), batch.map((r) => r.tag)],
        );
      }
    },
  },
};
