// A territory's key as it reaches a holder (issue 19): sealed to the holder's public key (crypto_box_seal,
// as the organisation key is) and signed by the admin device that made it, over the holder, the tag, the
// epoch and the key, so a grant cannot be moved to another user or territory. What a grant opens to is
// the territory key under its key id `t<tag>:<epoch>` (tags.ts), which wraps the territory's key pages.
import { fromBase64, fromUtf8, sealJsonTo, toBase64, verifySignature, wipe } from '../crypto';
import type { DeviceSigner, Sodium } from '../crypto';
import { territoryKeyId } from './tags';

interface GrantJson {
  readonly v: 1;
  readonly userId: string;
  readonly tag: string;
  readonly epochId: string;
  readonly key: string;
  readonly signer: string;
  readonly sig: string;
}

const grantMessage = (g: { userId: string; tag: string; epochId: string; key: string }, signer: string) =>
  `kluis-territory-grant-v1|${g.userId}|${g.tag}|${g.epochId}|${g.key}|${signer}`;

/** The territory key for one holder, sealed to their public key (base64) and signed by this admin device. */
export const sealTerritoryGrant = (
  sodium: Sodium,
  signer: DeviceSigner,
  grant: { userId: string; publicKey: string; tag: string; epochId: string; key: Uint8Array },
): string => {
  const body = { userId: grant.userId, tag: grant.tag, epochId: grant.epochId, key: toBase64(grant.key) };
  const json: GrantJson = {
    v: 1,
    ...body,
    signer: signer.publicKey,
    sig: signer.sign(grantMessage(body, signer.publicKey)),
  };
  return sealJsonTo(sodium, json, fromBase64(grant.publicKey));
};

export interface OpenedTerritoryGrant {
  readonly tag: string;
  readonly epochId: string;
  readonly keyId: string;
  readonly key: Uint8Array;
  /** The granting admin device's public signing key. */
  readonly grantedBy: string;
}

/**
 * Opens a grant sealed to this user for the tag and epoch the server listed it under. Null when it does
 * not open, names another user, tag or epoch, or its signature does not hold.
 */
export const openTerritoryGrant = (
  sodium: Sodium,
  row: { tag: string; epochId: string; sealed: string },
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
): OpenedTerritoryGrant | null => {
  let value: Partial<GrantJson>;
  try {
    const plain = sodium.crypto_box_seal_open(fromBase64(row.sealed), user.publicKey, user.secretKey);
    try {
      value = JSON.parse(fromUtf8(plain)) as Partial<GrantJson>;
    } finally {
      wipe(plain);
    }
  } catch {
    return null;
  }
  const { userId, tag, epochId, key, signer, sig } = value;
  if (
    value.v !== 1 ||
    userId !== user.userId ||
    tag !== row.tag ||
    epochId !== row.epochId ||
    typeof key !== 'string' ||
    typeof signer !== 'string' ||
    typeof sig !== 'string' ||
    !verifySignature(sodium, signer, grantMessage({ userId, tag, epochId, key }, signer), sig)
  )
    return null;
  const bytes = fromBase64(key);
  if (bytes.length !== 32) return null;
  return { tag, epochId, keyId: territoryKeyId(tag, epochId), key: bytes, grantedBy: signer };
};
