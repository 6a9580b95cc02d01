// Device identity (issue "A lying server gets nothing"): each device's Ed25519 public key, registered when
// it signs in; the signing key each audit chain was first pushed with, so a chain is extended only by the
// device that holds that key; and the signature of each erasure order with the key that signed it.
// Public keys and signatures only: nothing here is personal data or opens anything.
import type { Migration } from './index';

const text = `
ALTER TABLE devices ADD COLUMN signing_key TEXT;
ALTER TABLE audit_anchors ADD COLUMN signer TEXT;
ALTER TABLE erasures ADD COLUMN signer TEXT;
ALTER TABLE erasures ADD COLUMN sig TEXT;
ALTER TABLE erasures ADD COLUMN proof TEXT;
`;

export const migration: Migration = { version: 4, sqlite: text, postgres: text };
