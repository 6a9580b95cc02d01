// Members leave (issue "Members leave and keys rotate"): a user is active, suspended (signs in nowhere,
// devices kept) or removed (every device revoked and told to wipe). A word and a time; nothing personal.
import type { Migration } from './index';

const text = (bigint: string) => `
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN status_at ${bigint};
`;

export const migration: Migration = { version: 5, sqlite: text('INTEGER'), postgres: text('BIGINT') };
