// Loads libsodium (the sumo build: only it has crypto_pwhash/Argon2id) once per process.
import sodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodium;

let loading: Promise<Sodium> | undefined;

export const loadSodium = (): Promise<Sodium> => (loading ??= sodium.ready.then(() => sodium));
