// The erasure ledger (Art. 17) and what the lost-laptop drill needs (Art. 33/34): which subjects were
// erased and which devices confirmed their purge; per device and collection the highest sequence it was
// served; per document the sequence and device that first wrote it, and its plaintext kind and subject
// id (random ids, already in the envelope) so erasure and exposure need not read the stored JSON.
// Nothing here is personal data: random ids, times and sequences only.
import type { Migration } from './index';

const text = (bigint: string, json: (field: string) => string) => `
CREATE TABLE erasures (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  subject_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  erased_at ${bigint} NOT NULL,
  erased_by TEXT NOT NULL,
  seq ${bigint} NOT NULL,
  PRIMARY KEY (org_id, subject_id)
);
CREATE INDEX erasures_seq ON erasures(org_id, seq);
CREATE TABLE erasure_confirmations (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  subject_id TEXT NOT NULL,
  device_id TEXT NOT NULL REFERENCES devices(id),
  confirmed_at ${bigint} NOT NULL,
  PRIMARY KEY (org_id, subject_id, device_id)
);
CREATE TABLE device_checkpoints (
  device_id TEXT NOT NULL REFERENCES devices(id),
  collection TEXT NOT NULL,
  checkpoint ${bigint} NOT NULL,
  at ${bigint} NOT NULL,
  PRIMARY KEY (device_id, collection)
);
ALTER TABLE documents ADD COLUMN first_seq ${bigint} NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN first_device TEXT;
ALTER TABLE documents ADD COLUMN kind TEXT;
ALTER TABLE documents ADD COLUMN subject_id TEXT;
UPDATE documents SET first_seq = seq;
UPDATE documents SET kind = ${json('kind')} WHERE collection IN ('records', 'items', 'settings', 'compliance');
UPDATE documents SET subject_id = ${json('subjectId')} WHERE collection IN ('records', 'items');
CREATE INDEX documents_subject ON documents(org_id, subject_id) WHERE subject_id IS NOT NULL;
`;

export const migration: Migration = {
  version: 3,
  sqlite: text('INTEGER', (field) => `json_extract(doc, '$.${field}')`),
  postgres: text('BIGINT', (field) => `(doc::jsonb ->> '${field}')`),
};
