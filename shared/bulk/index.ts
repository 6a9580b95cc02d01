// The face of shared/bulk: one update over many people, previewed, applied in chunks and audited as one batch. Import from this folder, never from a file in it.
export * from './types';
export * from './bulk';
export * from './operations';
