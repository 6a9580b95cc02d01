// The face of shared/cases: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './case';
export * from './operations';
export * from './queries';
