// The device's keyring: passphrase -> Argon2id -> two subkeys (crypto_kdf): the key-encryption key, which
// opens the user's X25519 key pair, and the auth verifier, which proves the passphrase to the sync server
// and decrypts nothing. The organisation key reaches the user sealed to their public key. Changing the
// passphrase re-wraps one key.
import { fromBase64, randomBytes, toBase64, wipe } from '../crypto';
import { EnvelopeError, type EnvelopeCipher } from '../crypto';
import { deriveKey, newSalt, type KdfParams } from '../crypto';
import type { Sodium } from '../crypto';
import { newId } from '../crypto';

export const KEYRING_ID = 'keyring';

/**
 * Format 1 used the Argon2id output itself as the key-encryption key; format 2 derives the key-encryption
 * key and the auth verifier from it, so the server can hold the verifier without holding the key.
 */
export const KEYRING_FORMAT = 2;

export interface KeyringDoc {
  readonly format: 1 | 2;
  /** Random; names this vault in the OS keychain. */
  readonly vaultId: string;
  readonly orgId: string;
  readonly orgKeyId: string;
  readonly kdf: KdfParams;
  readonly userPublicKey: string;
  /** The user's X25519 secret key, sealed with the key-encryption key. */
  readonly wrappedUserSecretKey: string;
  /** The organisation key, sealed to the user's public key (crypto_box_seal). */
  readonly sealedOrgKey: string;
  readonly createdAt: number;
  /**
   * The account's keys after a passphrase change made on another device (sync/account.ts
   * checkAccountKeys): from then on only the new passphrase unlocks, and the first unlock with it makes
   * them this keyring's own.
   */
  readonly replacement?: {
    readonly kdf: KdfParams;
    readonly wrappedUserSecretKey: string;
    readonly accountVersion: number;
  };
  /** How many passphrase changes of the account this keyring has seen: a replayed older one is refused. */
  readonly accountVersion?: number;
}

export class PassphraseChangedError extends Error {
  override readonly name = 'PassphraseChangedError';
  constructor() {
    super('The passphrase was changed on another device: enter the new one');
  }
}

export interface UnlockedKeys {
  readonly vaultId: string;
  readonly orgId: string;
  readonly orgKeyId: string;
  readonly orgKey: Uint8Array;
  readonly userPublicKey: Uint8Array;
  readonly userSecretKey: Uint8Array;
}

export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase is not correct');
  }
}

export const kekAddress = { collection: 'vault', id: KEYRING_ID, keyId: 'kek' } as const;

/** crypto_kdf contexts are exactly 8 bytes; distinct ids and contexts keep the two subkeys unrelated. */
const KEK_SUBKEY = { id: 1, context: 'KluisKEK' } as const;
const AUTH_SUBKEY = { id: 2, context: 'KluisAUT' } as const;

export interface PassphraseKeys {
  /** Opens the user's secret key. Wipe after use. */
  readonly kek: Uint8Array;
  /** base64; sent to the sync server, which stores only its hash. Decrypts nothing. */
  readonly authVerifier: string;
}

/** One Argon2id run, two subkeys. Format 1 keyrings have no verifier of their own. */
export const derivePassphraseKeys = (
  sodium: Sodium,
  passphrase: string,
  kdf: KdfParams,
  format: KeyringDoc['format'] = KEYRING_FORMAT,
): PassphraseKeys =>
  passphraseKeysFrom(sodium, deriveKey(sodium, passphrase, fromBase64(kdf.salt), kdf), format);

/**
 * The two subkeys of one Argon2id output, wherever it was derived (on the page, or in the unlock's worker:
 * vault.ts DeriveKey). `master` is wiped, except in a format 1 keyring, where it is the kek itself.
 */
export const passphraseKeysFrom = (
  sodium: Sodium,
  master: Uint8Array,
  format: KeyringDoc['format'] = KEYRING_FORMAT,
): PassphraseKeys => {
  const verifier = sodium.crypto_kdf_derive_from_key(32, AUTH_SUBKEY.id, AUTH_SUBKEY.context, master);
  const authVerifier = toBase64(verifier);
  wipe(verifier);
  if (format === 1) return { kek: master, authVerifier };
  const kek = sodium.crypto_kdf_derive_from_key(32, KEK_SUBKEY.id, KEK_SUBKEY.context, master);
  wipe(master);
  return { kek, authVerifier };
};

export const createKeyring = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  passphrase: string,
  kdfParams: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>,
): { doc: KeyringDoc; keys: UnlockedKeys } => {
  const orgKey = randomBytes(32);
  const pair = sodium.crypto_box_keypair();
  const ids = { vaultId: newId(), orgId: newId(), orgKeyId: newId() };
  const doc = wrapKeyring(sodium, cipher, passphrase, kdfParams, {
    ...ids,
    orgKey,
    userPublicKey: pair.publicKey,
    userSecretKey: pair.privateKey,
  });
  return { doc, keys: { ...ids, orgKey, userPublicKey: pair.publicKey, userSecretKey: pair.privateKey } };
};

const wrapKeyring = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  passphrase: string,
  kdfParams: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>,
  keys: UnlockedKeys,
  createdAt = Date.now(),
): KeyringDoc => {
  const kdf: KdfParams = { algorithm: 'argon2id13', ...kdfParams, salt: toBase64(newSalt()) };
  const { kek } = derivePassphraseKeys(sodium, passphrase, kdf);
  try {
    return {
      format: KEYRING_FORMAT,
      vaultId: keys.vaultId,
      orgId: keys.orgId,
      orgKeyId: keys.orgKeyId,
      kdf,
      userPublicKey: toBase64(keys.userPublicKey),
      wrappedUserSecretKey: cipher.sealBytes(keys.userSecretKey, kek, kekAddress),
      sealedOrgKey: toBase64(sodium.crypto_box_seal(keys.orgKey, keys.userPublicKey)),
      createdAt,
    };
  } finally {
    wipe(kek);
  }
};

/** Opens the keyring with the user's secret key, e.g. one kept in the OS keychain. */
export const openKeyringWithSecretKey = (
  sodium: Sodium,
  doc: KeyringDoc,
  userSecretKey: Uint8Array,
): UnlockedKeys => {
  const userPublicKey = fromBase64(doc.userPublicKey);
  let orgKey: Uint8Array;
  try {
    orgKey = sodium.crypto_box_seal_open(fromBase64(doc.sealedOrgKey), userPublicKey, userSecretKey);
  } catch {
    throw new WrongPassphraseError();
  }
  return {
    vaultId: doc.vaultId,
    orgId: doc.orgId,
    orgKeyId: doc.orgKeyId,
    orgKey,
    userPublicKey,
    userSecretKey,
  };
};

export const openKeyring = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  doc: KeyringDoc,
  passphrase: string,
): UnlockedKeys =>
  openKeyringWithKek(sodium, cipher, doc, derivePassphraseKeys(sodium, passphrase, doc.kdf, doc.format).kek);

/** Opens the keyring with a key-encryption key derived by the caller; wipes it. */
export const openKeyringWithKek = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  doc: KeyringDoc,
  kek: Uint8Array,
): UnlockedKeys => {
  let userSecretKey: Uint8Array;
  try {
    userSecretKey = cipher.openBytes(doc.wrappedUserSecretKey, kek, kekAddress);
  } catch (error) {
    if (error instanceof EnvelopeError) throw new WrongPassphraseError();
    throw error;
  } finally {
    wipe(kek);
  }
  return openKeyringWithSecretKey(sodium, doc, userSecretKey);
};

/** A new passphrase re-wraps the user's secret key only; no data is re-encrypted. */
export const rewrapKeyring = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  doc: KeyringDoc,
  currentPassphrase: string,
  newPassphrase: string,
  kdfParams: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'> = doc.kdf,
): KeyringDoc => {
  const keys = openKeyring(sodium, cipher, doc, currentPassphrase);
  return wrapKeyring(sodium, cipher, newPassphrase, kdfParams, keys, doc.createdAt);
};
