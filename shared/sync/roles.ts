// Who may do what: checked by the server on every pull and push, and used by the UI to hide what a role
// cannot do. One small table, so the rules are read in one place.
import type { Collection, Role } from './protocol';

export type SyncAction = 'pull' | 'push';

const SYNC: Record<Role, Record<Collection, readonly SyncAction[]>> = {
  admin: { records: ['pull', 'push'], keys: ['pull', 'push'] },
  manager: { records: ['pull', 'push'], keys: ['pull', 'push'] },
  sales: { records: ['pull', 'push'], keys: ['pull', 'push'] },
  service: { records: ['pull', 'push'], keys: ['pull', 'push'] },
  // Marketing reads and edits records but never creates or destroys data keys (no new subjects, no erasure).
  marketing: { records: ['pull', 'push'], keys: ['pull'] },
};

export const maySync = (role: Role, action: SyncAction, collection: Collection): boolean =>
  SYNC[role][collection].includes(action);

/** Inviting users, sealing keys to them, listing and revoking devices: the admin (also the DPO) only. */
export const mayManageOrganisation = (role: Role): boolean => role === 'admin';
