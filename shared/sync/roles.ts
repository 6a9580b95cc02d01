// Who may do what: checked by the server on every pull and push, and used by the UI to hide what a role
// cannot do. One small table, so the rules are read in one place.
import type { Collection, Role } from './protocol';

export type SyncAction = 'pull' | 'push';

const ALL: readonly SyncAction[] = ['pull', 'push'];
const READ: readonly SyncAction[] = ['pull'];
const NONE: readonly SyncAction[] = [];

/**
 * The compliance files (requests, breaches, erasure certificates, retention reviews) are the admin's —
 * the data-protection officer's — alone: other roles neither pull nor push them.
 * Settings (purposes register, pipeline, notices) are changed by admins and managers, read by all. */
const SYNC: Record<Role, Record<Collection, readonly SyncAction[]>> = {
  admin: { records: ALL, keys: ALL, items: ALL, settings: ALL, audit: ALL, compliance: ALL },
  manager: { records: ALL, keys: ALL, items: ALL, settings: ALL, audit: ALL, compliance: NONE },
  sales: { records: ALL, keys: ALL, items: ALL, settings: READ, audit: ALL, compliance: NONE },
  service: { records: ALL, keys: ALL, items: ALL, settings: READ, audit: ALL, compliance: NONE },
  // Marketing reads and edits records but never creates or destroys data keys (no new subjects, no erasure).
  marketing: { records: ALL, keys: READ, items: ALL, settings: READ, audit: ALL, compliance: NONE },
};

export const maySync = (role: Role, action: SyncAction, collection: Collection): boolean =>
  SYNC[role][collection].includes(action);

/** Inviting users, sealing keys to them, listing and revoking devices: the admin (also the DPO) only. */
export const mayManageOrganisation = (role: Role): boolean => role === 'admin';
