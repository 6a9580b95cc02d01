// The face of shared/sync: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './account';
export * from './admin';
export * from './delete-rule';
export * from './discard-notice';
export * from './invite';
export * from './member-pins';
export * from './merge';
export * from './pending-invites';
export * from './protocol';
export * from './replication';
export * from './resync';
export * from './roles';
export * from './rotation';
export * from './write-rules';
export * from './device';
export * from './operations';
