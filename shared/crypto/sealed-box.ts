// Sealing to a member's public key (crypto_box_seal): what only that member's device can open, such as
// the page-key ring it keeps and the grants it is sent. The plaintext copy is wiped as soon as it is sealed.
import { toBase64, utf8, wipe } from './bytes';
import type { Sodium } from './sodium';

/** A JSON value sealed to a public key, as base64. */
export const sealJsonTo = (sodium: Sodium, json: unknown, publicKey: Uint8Array): string => {
  const plain = utf8(JSON.stringify(json));
  try {
    return toBase64(sodium.crypto_box_seal(plain, publicKey));
  } finally {
    wipe(plain);
  }
};
