// The face of shared/directory: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './directory';
export * from './rows';
export * from './search-index';
export * from './snapshot';
export * from './operations';
export * from './queries';
