// The face of shared/vault: what the rest of Kluis may use from it. Import from this folder, never from a file in it.
export * from './device-signing';
export * from './local-docs';
export * from './keyring';
export * from './org-key-box';
export * from './page-keys';
export * from './session';
export * from './vault';
export * from './territory-keys';
