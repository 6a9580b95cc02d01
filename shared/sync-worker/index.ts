// The face of shared/sync-worker: sync in a worker behind a message channel. Import from this folder, never from a file in it.
export * from './port-rpc';
export * from './protocol';
export * from './remote-sync-client';
export * from './serve-sync';
