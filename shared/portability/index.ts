// The face of shared/portability: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './portability';
export * from './operations';
