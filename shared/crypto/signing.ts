// Ed25519 signatures of devices: the signer each device holds (its key is kept by vault/device-signing.ts)
// and the check anyone can run. Below the store, the audit trail and the vault, which all sign or verify.
import { fromBase64, toBase64, utf8 } from './bytes';
import type { Sodium } from './sodium';

export interface DeviceSigner {
  /** base64 of the 32-byte Ed25519 public key. */
  readonly publicKey: string;
  /** A detached signature (base64) over the UTF-8 text. */
  sign(text: string): string;
}

export interface SigningPair {
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

export const newSigningPair = (sodium: Sodium): SigningPair => {
  const pair = sodium.crypto_sign_keypair();
  return { publicKey: pair.publicKey, secretKey: pair.privateKey };
};

export const signerFrom = (sodium: Sodium, pair: SigningPair): DeviceSigner => ({
  publicKey: toBase64(pair.publicKey),
  sign: (text) => toBase64(sodium.crypto_sign_detached(utf8(text), pair.secretKey)),
});

/** True when `signature` is the key's valid signature over the text; false for anything malformed. */
export const verifySignature = (
  sodium: Sodium,
  publicKey: string,
  text: string,
  signature: string,
): boolean => {
  try {
    const key = fromBase64(publicKey);
    const sig = fromBase64(signature);
    if (key.length !== 32 || sig.length !== 64) return false;
    return sodium.crypto_sign_verify_detached(sig, utf8(text), key);
  } catch {
    return false;
  }
};
