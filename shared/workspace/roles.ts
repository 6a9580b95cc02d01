// The roles a member can hold. The core checks them on operations (workspace/operation.ts); the sync
// server checks them on every pull and push (sync/roles.ts says which role syncs what).
export const ROLES = ['admin', 'manager', 'sales', 'service', 'marketing'] as const;
export type Role = (typeof ROLES)[number];
