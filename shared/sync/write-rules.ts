// Write rules the sync server enforces on plaintext envelope metadata alone (server/storage/push-rules.ts),
// and the client keeps so it never pushes what the server would refuse. The server reads no payload:
// it sees an item's kind and subject, and a key page's entries (subject id -> sealed data key).
import type { Role } from './protocol';

/**
 * The item kinds that are ledgers (ItemKindConfig.appendOnly): once stored, no client may overwrite or
 * delete one; only the server's erasure of the subject tombstones them. A unit test checks this list
 * against every item config that declares itself appendOnly, so the two cannot drift.
 */
export const APPEND_ONLY_KINDS: ReadonlySet<string> = new Set([
  'purpose-basis',
  'consent-event',
  'objection',
  'restriction',
  'notice-receipt',
  'subscription-event',
  'field-change',
  'profiling-optout',
]);

export const isAppendOnlyKind = (kind: string | null | undefined): boolean =>
  typeof kind === 'string' && APPEND_ONLY_KINDS.has(kind);

/** Rewriting or tombstoning any key page (destroying data keys) outside the erasure path: admins only. */
export const mayRewriteAnyKeyPage = (role: Role): boolean => role === 'admin';
