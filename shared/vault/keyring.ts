// The device's keyring: passphrase -> Argon2id -> key-encryption key -> the user's X25519 key pair; the
// organisation key reaches the user sealed to their public key. Changing the passphrase re-wraps one key.
import { fromBase64, randomBytes, toBase64, wipe } from '../crypto/bytes';
import { EnvelopeError, type EnvelopeCipher } from '../crypto/envelope';
import { deriveKey, newSalt, type KdfParams } from '../crypto/kdf';
import type { Sodium } from '../crypto/sodium';

export const KEYRING_ID = 'keyring';

export interface KeyringDoc {
  readonly format: 1;
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

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

let sequence = 0;

/**
 * Ids for records, subjects and keys: the creation time in ms (12 hex digits), a counter (6) and 72
 * random bits (18). No personal data. Ids that grow with time let IndexedDB append to its B-tree instead
 * of scattering writes across it; the time they reveal is no more than the plaintext `updatedAt` does.
 */
export const newId = (): string => {
  sequence = (sequence + 1) % 0x1000000;
  return (
    Date.now().toString(16).padStart(12, '0') + sequence.toString(16).padStart(6, '0') + hex(randomBytes(9))
  );
};

const kekAddress = { collection: 'vault', id: KEYRING_ID, keyId: 'kek' } as const;

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
  const salt = newSalt();
  const kek = deriveKey(sodium, passphrase, salt, kdfParams);
  try {
    return {
      format: 1,
      vaultId: keys.vaultId,
      orgId: keys.orgId,
      orgKeyId: keys.orgKeyId,
      kdf: { algorithm: 'argon2id13', ...kdfParams, salt: toBase64(salt) },
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
): UnlockedKeys => {
  const kek = deriveKey(sodium, passphrase, fromBase64(doc.kdf.salt), doc.kdf);
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
