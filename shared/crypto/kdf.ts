// Passphrase -> key-encryption key with Argon2id (libsodium crypto_pwhash). The parameters are stored
// with the vault, so they can be raised later without locking anyone out.
import { randomBytes } from './bytes';
import type { Sodium } from './sodium';

export interface KdfParams {
  readonly algorithm: 'argon2id13';
  readonly opsLimit: number;
  readonly memLimitBytes: number;
  /** base64 */
  readonly salt: string;
}

/**
 * Measured on this 2-core build machine (Node 20, libsodium 0.8 wasm): ops 4 and 128 MiB take ~0.46 s,
 * the target of ARCHITECTURE.md (~0.5 s on a 2-core laptop). 256 MiB at ops 2 costs the same time but
 * risks failing to grow wasm memory in a renderer on a small laptop.
 */
export const DEFAULT_KDF = { opsLimit: 4, memLimitBytes: 128 * 1024 * 1024 } as const;

/** Cheap parameters for tests only: never used by the app. */
export const TEST_KDF = { opsLimit: 1, memLimitBytes: 8 * 1024 * 1024 } as const;

export const SALT_BYTES = 16;

export const newSalt = (): Uint8Array => randomBytes(SALT_BYTES);

export const deriveKey = (
  sodium: Sodium,
  passphrase: string,
  salt: Uint8Array,
  params: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>,
): Uint8Array =>
  sodium.crypto_pwhash(
    32,
    passphrase.normalize('NFKC'),
    salt,
    params.opsLimit,
    params.memLimitBytes,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
