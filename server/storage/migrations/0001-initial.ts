// The first schema: organisations with their write sequence, users, devices and envelope documents.
// Nothing here can be decrypted by the server: keys and payloads are client-encrypted text.
import type { Migration } from './index';

const table = (bigint: string, bool: string) => `
CREATE TABLE orgs (
  id TEXT PRIMARY KEY,
  created_at ${bigint} NOT NULL,
  seq ${bigint} NOT NULL DEFAULT 0,
  purged_seq ${bigint} NOT NULL DEFAULT 0
);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  role TEXT NOT NULL,
  verifier_hash TEXT,
  invite_hash TEXT,
  keys TEXT,
  sealed_org_key TEXT
);
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at ${bigint} NOT NULL,
  expires_at ${bigint} NOT NULL,
  last_sync_at ${bigint},
  revoked_at ${bigint}
);
CREATE INDEX devices_org ON devices(org_id);
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  seq ${bigint} NOT NULL,
  deleted ${bool} NOT NULL,
  written_at ${bigint} NOT NULL,
  doc TEXT NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_pull ON documents(org_id, collection, seq);
CREATE INDEX documents_tombstones ON documents(written_at) WHERE deleted;
`;

export const migration: Migration = {
  version: 1,
  sqlite: table('INTEGER', 'INTEGER'),
  postgres: table('BIGINT', 'BOOLEAN'),
};
