// The face of shared/processors: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './processors';
export * from './documents';
export * from './operations';
