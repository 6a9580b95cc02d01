// Write rules the sync server enforces on plaintext envelope metadata alone (server/storage/push-rules.ts),
// and the client keeps so it never pushes what the server would refuse. The server reads no payload:
// it sees an item's kind and subject, and a key page's entries (subject id -> sealed data key).
import type { Collection, Role } from './protocol';
import { maySync } from './roles';

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

/**
 * A member's own name or their own device's (member-names.ts): the one kind of setting every role may push,
 * so a salesperson can name themselves though only admins and managers change other settings. The server
 * reads the kind and the stored id (`<organisation tag>_user-<user id>`, `…_device-<device id>`) only.
 */
export const isOwnNameDoc = (
  doc: { readonly id: string; readonly kind?: unknown },
  own: { readonly userId: string; readonly deviceId: string },
): boolean =>
  doc.kind === 'member-name' &&
  (doc.id.endsWith(`_user-${own.userId}`) || doc.id.endsWith(`_device-${own.deviceId}`));

/**
 * Whether a pull or push route may be called at all: what the role syncs, and any push to settings, whose
 * rows `mayPushRows` then checks (every role may push its own names).
 */
export const mayCallSync = (role: Role, action: 'pull' | 'push', collection: Collection): boolean =>
  maySync(role, action, collection) || (action === 'push' && collection === 'settings');

/** A push its role allows, or — to settings — one of nothing but the pusher's own names. */
export const mayPushRows = (
  who: {
    readonly role: Role;
    readonly user: { readonly id: string };
    readonly device: { readonly id: string };
  },
  collection: Collection,
  rows: readonly { readonly newDocumentState: { readonly id: string } }[],
): boolean =>
  maySync(who.role, 'push', collection) ||
  (collection === 'settings' &&
    rows.every(({ newDocumentState }) =>
      isOwnNameDoc(newDocumentState, { userId: who.user.id, deviceId: who.device.id }),
    ));
