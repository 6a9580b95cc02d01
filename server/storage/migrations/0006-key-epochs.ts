// Key epochs (issue "Members leave and keys rotate"): the organisation's page keys in order, each member's
// grants of them (sealed on an admin's device to the member's public key: opaque here), the removals and
// erasures that wait for the next rotation, and the epoch each device acknowledged. Per key page its
// plaintext keyId, already in the envelope, so the server counts the pages still under an older epoch
// from an index instead of reading every page. Ids, times, reasons and ciphertext only; no page key.
import type { Migration } from './index';

const text = (bigint: string, live: string, json: (field: string) => string) => `
CREATE TABLE key_epochs (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  epoch_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('created', 'first', 'erasure', 'removal', 'manual')),
  created_at ${bigint} NOT NULL,
  created_by TEXT NOT NULL,
  finished_at ${bigint},
  PRIMARY KEY (org_id, epoch_id),
  UNIQUE (org_id, seq)
);
CREATE TABLE key_grants (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  epoch_id TEXT NOT NULL,
  sealed TEXT NOT NULL,
  created_at ${bigint} NOT NULL,
  PRIMARY KEY (user_id, epoch_id),
  FOREIGN KEY (org_id, epoch_id) REFERENCES key_epochs(org_id, epoch_id)
);
CREATE TABLE key_rotation_due (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  reason TEXT NOT NULL CHECK (reason IN ('erasure', 'removal')),
  at ${bigint} NOT NULL
);
CREATE INDEX key_rotation_due_org ON key_rotation_due(org_id);
ALTER TABLE devices ADD COLUMN key_epoch TEXT;
ALTER TABLE documents ADD COLUMN key_id TEXT;
UPDATE documents SET key_id = ${json('keyId')} WHERE collection = 'keys';
CREATE INDEX documents_key_pages ON documents(org_id, key_id) WHERE collection = 'keys' AND ${live};
`;

export const migration: Migration = {
  version: 6,
  sqlite: text('INTEGER', 'deleted = 0', (field) => `json_extract(doc, '$.${field}')`),
  postgres: text('BIGINT', 'NOT deleted', (field) => `(doc::jsonb ->> '${field}')`),
};
