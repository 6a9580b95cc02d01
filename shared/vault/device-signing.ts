// Each device's own Ed25519 signing key. The public half is registered with the sync server when the
// device signs in; the secret half never leaves the device: it is kept in the local vault collection,
// sealed with a key derived from the user's secret key, so it opens whenever the vault is unlocked (by
// passphrase or from the OS keychain) and survives a passphrase change. Audit entries, key grants and
// erasure orders carry its signature, so what one device did cannot be passed off as another's.
import { utf8, wipe } from '../crypto';
import type { EnvelopeCipher } from '../crypto';
import { newSigningPair, type SigningPair } from '../crypto';
import type { Sodium } from '../crypto';
import type { KluisDatabase } from '../store';

export const DEVICE_SIGNING_ID = 'device-signing';

const wrapKey = (sodium: Sodium, userSecretKey: Uint8Array): Uint8Array =>
  sodium.crypto_generichash(32, utf8('kluis-device-signing-v1'), userSecretKey);

const address = { collection: 'vault', id: DEVICE_SIGNING_ID, keyId: 'user-secret-key' } as const;

/** Keeps the pair on this device, sealed under the user's secret key. */
export const storeSigningPair = async (
  db: KluisDatabase,
  cipher: EnvelopeCipher,
  userSecretKey: Uint8Array,
  pair: SigningPair,
): Promise<void> => {
  const key = wrapKey(cipher.sodium, userSecretKey);
  try {
    const payload = cipher.sealBytes(pair.secretKey, key, address);
    await db.vault.upsert({ id: DEVICE_SIGNING_ID, payload, updatedAt: Date.now() });
  } finally {
    wipe(key);
  }
};

/** This device's pair; made and kept on first use (a vault from before device keys existed). */
export const loadSigningPair = async (
  db: KluisDatabase,
  cipher: EnvelopeCipher,
  userSecretKey: Uint8Array,
): Promise<SigningPair> => {
  const found = await db.vault.findOne(DEVICE_SIGNING_ID).exec();
  if (!found) {
    const pair = newSigningPair(cipher.sodium);
    await storeSigningPair(db, cipher, userSecretKey, pair);
    return pair;
  }
  const key = wrapKey(cipher.sodium, userSecretKey);
  try {
    const secretKey = cipher.openBytes(found.payload, key, address);
    return { publicKey: cipher.sodium.crypto_sign_ed25519_sk_to_pk(secretKey), secretKey };
  } finally {
    wipe(key);
  }
};
