// Who may do what: checked by the server on every pull and push, and used by the UI to hide what a role
// cannot do. One small table, so the rules are read in one place.
import type { Collection, Role } from './protocol';

export type SyncAction = 'pull' | 'push';

const ALL: readonly SyncAction[] = ['pull', 'push'];
const READ: readonly SyncAction[] = ['pull'];

/** Settings (purposes register, pipeline, notices) are changed by admins and managers, read by all. */
const SYNC: Record<Role, Record<Collection, readonly SyncAction[]>> = {
  admin: { records: ALL, keys: ALL, items: ALL, settings: ALL, audit: ALL },
  manager: { records: ALL, keys: ALL, items: ALL, settings: ALL, audit: ALL },
  sales: { records: ALL, keys: ALL, items: ALL, settings: READ, audit: ALL },
  service: { records: ALL, keys: ALL, items: ALL, settings: READ, audit: ALL },
  // Marketing reads and edits records but never creates or destroys data keys (no new subjects, no erasure).
  marketing: { records: ALL, keys: READ, items: ALL, settings: READ, audit: ALL },
};

export const maySync = (role: Role, action: SyncAction, collection: Collection): boolean =>
  SYNC[role][collection].includes(action);

/** Inviting users, sealing keys to them, listing and revoking devices: the admin (also the DPO) only. */
export const mayManageOrganisation = (role: Role): boolean => role === 'admin';
