// Restores from a backup (server/restore.ts): per organisation, the sequence the backup held and the one
// the server resumed from. Sequences in between were issued by the database the backup replaced: a
// device whose pull checkpoint lies there synced after the backup, and is told so ('server-restored').
import type { Migration } from './index';

const text = (bigint: string) => `
CREATE TABLE restores (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  backup_seq ${bigint} NOT NULL,
  resumed_seq ${bigint} NOT NULL,
  restored_at ${bigint} NOT NULL
);
CREATE INDEX restores_org ON restores(org_id);
`;

export const migration: Migration = { version: 7, sqlite: text('INTEGER'), postgres: text('BIGINT') };
