// Ed25519 signature checks on the server with node:crypto: device signing keys arrive as the raw 32-byte
// public key in base64 (libsodium's format), which node reads as an SPKI document with a fixed prefix.
import { createPublicKey, verify } from 'node:crypto';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const verifyEd25519 = (publicKey: string, text: string, signature: string): boolean => {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    const sig = Buffer.from(signature, 'base64');
    if (raw.length !== 32 || sig.length !== 64) return false;
    const key = createPublicKey({
      key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    });
    return verify(null, Buffer.from(text, 'utf8'), key, sig);
  } catch {
    return false;
  }
};
