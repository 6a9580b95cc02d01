// Passphrase -> key-encryption key with Argon2id (libsodium crypto_pwhash). The parameters are stored
// with the vault, so they can be raised later without locking anyone out.
import { fromBase64, randomBytes } from './bytes';
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

/**
 * The weakest Argon2id cost a client accepts from anyone else — the sync server above all, which hands a
 * new device the salt and cost to derive with. Compiled in, so a lying server (or anyone on a plain-HTTP
 * link) cannot ask for a cheap derivation and brute-force the verifier it gets back: ops 1 and 8 KiB made
 * that about 4,700 times cheaper. About a third of the default's cost here (ops 3, 64 MiB: ~0.16 s against
 * ~0.54 s), so the default can still be lowered for small laptops without locking anyone out.
 */
export const KDF_FLOOR = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 } as const;

/** And the most: a server asking for 4 GiB of memory would crash the device rather than protect it. */
export const KDF_CEILING = { opsLimit: 32, memLimitBytes: 512 * 1024 * 1024 } as const;

export type KdfCheck = 'ok' | 'kdf-too-weak' | 'kdf-unsupported';

/**
 * Checks parameters that came from outside this device before anything is derived or sent: below the
 * floor is 'kdf-too-weak'; another algorithm, a salt that is not 16 bytes, or a cost above the ceiling is
 * 'kdf-unsupported'.
 */
export const checkKdfParams = (kdf: KdfParams): KdfCheck => {
  if (kdf.algorithm !== 'argon2id13') return 'kdf-unsupported';
  if (!Number.isInteger(kdf.opsLimit) || !Number.isInteger(kdf.memLimitBytes)) return 'kdf-unsupported';
  if (kdf.opsLimit < KDF_FLOOR.opsLimit || kdf.memLimitBytes < KDF_FLOOR.memLimitBytes) return 'kdf-too-weak';
  if (kdf.opsLimit > KDF_CEILING.opsLimit || kdf.memLimitBytes > KDF_CEILING.memLimitBytes)
    return 'kdf-unsupported';
  let salt: Uint8Array;
  try {
    salt = fromBase64(kdf.salt);
  } catch {
    return 'kdf-unsupported';
  }
  return salt.length === SALT_BYTES ? 'ok' : 'kdf-unsupported';
};

/** Cheap parameters for tests only: never used by the app, and below the floor a new device accepts. */
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
