// The face of shared/retention: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './anonymise';
export * from './retention';
export * from './retention-decide';
export * from './retention-due';
export * from './retention-facts';
export * from './retention-review';
export * from './retention-rules';
export * from './operations';
export * from './queries';
