// The head of each device's audit chain as the server last accepted it (shared/audit/chain.ts): a
// rewritten or shortened chain shows against it. Hashes of ciphertext only; nothing here is personal data.
import type { Migration } from './index';

const table = (bigint: string) => `
CREATE TABLE audit_anchors (
  org_id TEXT NOT NULL REFERENCES orgs(id),
  device_id TEXT NOT NULL,
  seq ${bigint} NOT NULL,
  hash TEXT NOT NULL,
  anchored_at ${bigint} NOT NULL,
  PRIMARY KEY (org_id, device_id)
);
`;

export const migration: Migration = { version: 2, sqlite: table('INTEGER'), postgres: table('BIGINT') };
