// The face of shared/requests: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './deadline';
export * from './requests';
export * from './summary';
export * from './operations';
export * from './queries';
