// The face of shared/objection: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './objection';
export * from './profiling';
export * from './objection-ledger';
export * from './operations';
