// Whether "Delete" may remove a person or organisation on this device, so the client never pushes what
// the sync server refuses (server/storage/push-rules.ts). Deleting a subject destroys its data key and
// tombstones every item about it:
// - a subject with append-only items (consent evidence, objections, field history...) is not deleted but
//   erased: that is the erasure path (an admin, from an erasure request), which the server records in its
//   ledger — the server refuses any client's deletion of those items;
// - destroying a key on a key page is for admins, or for the device that wrote the page (a person it
//   added itself); other roles' devices would be refused, and marketing never writes keys.
// A vault not linked to a server has one owner, who holds every role: nothing is refused there.
import type { KluisDatabase } from '../store';
import type { Role } from './protocol';
import { maySync } from './roles';
import { APPEND_ONLY_KINDS, mayRewriteAnyKeyPage } from './write-rules';
import { isOwnKeyPage } from '../store';

export type DeleteBlock =
  /** The subject has append-only items: only an erasure removes them. */
  | 'ledger'
  /** The subject's key page was written by another device: only an admin may destroy its key. */
  | 'not-own'
  /** The role never writes data keys (marketing). */
  | 'role';

export interface Deleter {
  readonly role: Role;
  /** Linked to an organisation's server. */
  readonly linked: boolean;
}

/** Why Delete is not allowed for this subject, or null when it is. */
export const deleteBlock = async (
  db: KluisDatabase,
  subjectId: string,
  who: Deleter,
): Promise<DeleteBlock | null> => {
  if (!who.linked) return null;
  const ledger = await db.items
    .findOne({ selector: { subjectId, kind: { $in: [...APPEND_ONLY_KINDS] } } })
    .exec();
  if (ledger) return 'ledger';
  if (mayRewriteAnyKeyPage(who.role)) return null;
  if (!maySync(who.role, 'push', 'keys')) return 'role';
  const record = await db.records.findOne(subjectId).exec();
  if (!record || !(await isOwnKeyPage(db, record.keyId))) return 'not-own';
  return null;
};
