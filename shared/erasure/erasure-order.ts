// An erasure order as the server's ledger carries it to every device: signed by the admin device that
// made it (its registered Ed25519 key), and sealed with a MAC under a key derived from the organisation
// key. The server checks the signature against the pushing device; every device checks both before it
// purges anything, so neither a tampered ledger nor an order the server made up (it has no organisation
// key) crypto-shreds a person outside the erasure path.
import { fromBase64, toBase64, utf8, wipe } from '../crypto';
import type { Sodium } from '../crypto';
import { verifySignature, type DeviceSigner } from '../crypto';

export interface ErasureOrder {
  readonly subjectId: string;
  readonly requestId: string;
}

export interface SignedErasureOrder extends ErasureOrder {
  /** The admin device's public signing key. */
  readonly signer: string;
  readonly sig: string;
  /** MAC under the organisation key's erasure subkey (base64). */
  readonly proof: string;
}

export const erasureOrderText = (orgId: string, order: ErasureOrder): string =>
  `kluis-erasure-v1|${orgId}|${order.subjectId}|${order.requestId}`;

const proofOf = (sodium: Sodium, orgKey: Uint8Array, text: string): string => {
  const key = sodium.crypto_kdf_derive_from_key(32, 3, 'KluisERA', orgKey);
  try {
    return toBase64(sodium.crypto_generichash(32, utf8(text), key));
  } finally {
    wipe(key);
  }
};

export const signErasureOrder = (
  sodium: Sodium,
  orgKey: Uint8Array,
  signer: DeviceSigner,
  orgId: string,
  order: ErasureOrder,
): SignedErasureOrder => {
  const text = erasureOrderText(orgId, order);
  return {
    subjectId: order.subjectId,
    requestId: order.requestId,
    signer: signer.publicKey,
    sig: signer.sign(text),
    proof: proofOf(sodium, orgKey, text),
  };
};

/** True only for an order signed by its signer and sealed with this organisation's key. */
export const verifyErasureOrder = (
  sodium: Sodium,
  orgKey: Uint8Array,
  orgId: string,
  order: Partial<SignedErasureOrder> & ErasureOrder,
): boolean => {
  if (!order.signer || !order.sig || !order.proof) return false;
  const text = erasureOrderText(orgId, order);
  if (!verifySignature(sodium, order.signer, text, order.sig)) return false;
  try {
    const expected = fromBase64(proofOf(sodium, orgKey, text));
    const given = fromBase64(order.proof);
    return given.length === expected.length && sodium.memcmp(given, expected);
  } catch {
    return false;
  }
};
