// The key two users' key pairs share (X25519, neither key known to the server), hashed with both public
// keys in a fixed order and a context string, so each use (grants.ts `fromMac`, admin-devices.ts claims)
// gets a key of its own. The shared point is wiped after hashing.
import { utf8, wipe, type Sodium } from '../crypto';

export const pairKey = (
  sodium: Sodium,
  secretKey: Uint8Array,
  theirs: Uint8Array,
  first: Uint8Array,
  second: Uint8Array,
  context: string,
): Uint8Array => {
  const point = sodium.crypto_scalarmult(secretKey, theirs);
  try {
    const input = new Uint8Array(96);
    input.set(point, 0);
    input.set(first, 32);
    input.set(second, 64);
    return sodium.crypto_generichash(32, input, utf8(context));
  } finally {
    wipe(point);
  }
};
