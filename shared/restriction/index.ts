// The face of shared/restriction: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './restriction';
export * from './restriction-ledger';
export * from './queries';
export * from './operations';
