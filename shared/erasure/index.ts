// The face of shared/erasure: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './erasure';
export * from './erasure-local';
export * from './erasure-model';
export * from './erasure-order';
export * from './erasure-purge';
export * from './erasure-sync';
export * from './operations';
export * from './queries';
