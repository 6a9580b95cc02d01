// The face of shared/platform: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './certificate-pin';
export * from './csp';
export * from './desktop-api';
export * from './ipc';
export * from './mail';
export * from './result';
