// The face of shared/audit: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './audit-log';
export * from './chain';
export * from './stored-audit-log';
