// The face of shared/crypto: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './bytes';
export * from './envelope';
export * from './ids';
export * from './kdf';
export * from './kdf-channel';
export * from './signing';
export * from './sodium';
export * from './sealed-box';
