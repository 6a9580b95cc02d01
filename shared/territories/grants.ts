// A territory's key as it reaches a holder (issue 19): sealed to the holder's public key (crypto_box_seal,
// as the organisation key is) and signed by the admin device that made it, over the holder, the tag, the
// epoch and the key, so a grant cannot be moved to another user or territory. What a grant opens to is
// the territory key under its key id `t<tag>:<epoch>` (tags.ts), which wraps the territory's key pages.
// It also carries a MAC under the organisation key, which the server never holds: a key the server made
// and sealed to a member (so as to read what the member's device puts in that territory) is refused.
// Every member holds the organisation key, and any device can sign, so neither stops a member (or a
// removed one) working with the server (T7): a grant opens only when its signer is an admin device the
// receiving device trusts — itself, or one pinned in sync/member-pins.ts (the device that let its user in,
// checked with the invite code, as the passphrase box vouches for it on the user's other devices).
// A grant made on another admin's device (issue 19: every admin holds every territory) also carries
// `from`, the granting admin's user id, and `fromMac`, a MAC under a key only that admin's user key pair
// and the holder's make (X25519 between them, as crypto_box does): it opens when an admin roster signed by
// a trusted admin device (roster.ts) names `from` as an admin with that public key. The server holds
// neither secret key, and a member who is no admin is named in no trusted roster.
import { fromBase64, fromUtf8, sealJsonTo, toBase64, utf8, verifySignature, wipe } from '../crypto';
import type { DeviceSigner, Sodium } from '../crypto';
import { pairKey } from './pair-key';
import { territoryKeyId } from './tags';

interface GrantJson {
  readonly v: 1;
  readonly userId: string;
  readonly tag: string;
  readonly epochId: string;
  readonly key: string;
  readonly signer: string;
  readonly sig: string;
  /** keyed BLAKE2b under the organisation key over the signed text (base64). */
  readonly mac: string;
  /** The granting admin's user id, and the MAC under the key that admin and the holder share (base64). */
  readonly from?: string;
  readonly fromMac?: string;
}

const grantMessage = (g: { userId: string; tag: string; epochId: string; key: string }, signer: string) =>
  `kluis-territory-grant-v1|${g.userId}|${g.tag}|${g.epochId}|${g.key}|${signer}`;

const grantMac = (sodium: Sodium, message: string, orgKey: Uint8Array): Uint8Array =>
  sodium.crypto_generichash(32, utf8(message), orgKey);

/** The grant's MAC, compared in constant time; false for anything malformed. */
const macHolds = (sodium: Sodium, message: string, key: Uint8Array, mac: string): boolean => {
  try {
    const given = fromBase64(mac);
    return given.length === 32 && sodium.memcmp(given, grantMac(sodium, message, key));
  } catch {
    return false;
  }
};

const fromMessage = (message: string, from: string) => `${message}|from|${from}`;

/** The granting admin's user key pair, for a grant its user key vouches for (see above). */
export interface GrantingAdmin {
  readonly userId: string;
  readonly publicKey: Uint8Array;
  readonly secretKey: Uint8Array;
}

/** The territory key for one holder, sealed to their public key (base64) and signed by this admin device. */
export const sealTerritoryGrant = (
  sodium: Sodium,
  signer: DeviceSigner,
  orgKey: Uint8Array,
  grant: { userId: string; publicKey: string; tag: string; epochId: string; key: Uint8Array },
  admin?: GrantingAdmin,
): string => {
  const body = { userId: grant.userId, tag: grant.tag, epochId: grant.epochId, key: toBase64(grant.key) };
  const message = grantMessage(body, signer.publicKey);
  const holder = fromBase64(grant.publicKey);
  let from: Pick<GrantJson, 'from' | 'fromMac'> = {};
  if (admin) {
    const shared = pairKey(sodium, admin.secretKey, holder, admin.publicKey, holder, 'kluis-grant-from');
    try {
      const fromMac = toBase64(grantMac(sodium, fromMessage(message, admin.userId), shared));
      from = { from: admin.userId, fromMac };
    } finally {
      wipe(shared);
    }
  }
  const json: GrantJson = {
    v: 1,
    ...body,
    signer: signer.publicKey,
    sig: signer.sign(message),
    mac: toBase64(grantMac(sodium, message, orgKey)),
    ...from,
  };
  return sealJsonTo(sodium, json, holder);
};

/** Whether the grant's `fromMac` holds for an admin the rosters name with that public key (base64). */
const fromHolds = (
  sodium: Sodium,
  message: string,
  user: { publicKey: Uint8Array; secretKey: Uint8Array },
  admins: ReadonlyMap<string, string>,
  from: unknown,
  fromMac: unknown,
): boolean => {
  if (typeof from !== 'string' || typeof fromMac !== 'string') return false;
  const adminKey = admins.get(from);
  if (!adminKey) return false;
  let shared: Uint8Array | undefined;
  try {
    const adminPublic = fromBase64(adminKey);
    shared = pairKey(sodium, user.secretKey, adminPublic, adminPublic, user.publicKey, 'kluis-grant-from');
    return macHolds(sodium, fromMessage(message, from), shared, fromMac);
  } catch {
    return false;
  } finally {
    wipe(shared);
  }
};

export interface OpenedTerritoryGrant {
  readonly tag: string;
  readonly epochId: string;
  readonly keyId: string;
  readonly key: Uint8Array;
  /** The granting admin device's public signing key. */
  readonly grantedBy: string;
  /** The granting admin's user id when a roster's admin, not a trusted device, vouched for it. */
  readonly fromAdmin?: string;
}

/**
 * Opens a grant sealed to this user for the tag and epoch the server listed it under. Null when it does
 * not open, names another user, tag or epoch, its signature or its organisation-key MAC does not hold, or
 * its signer is not one of the `trusted` admin devices' signing keys (base64) and it is not vouched for by
 * the user key of one of the `admins` (user id -> public key, base64) the trusted rosters name.
 */
export const openTerritoryGrant = (
  sodium: Sodium,
  row: { tag: string; epochId: string; sealed: string },
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
  orgKey: Uint8Array,
  trusted: ReadonlySet<string>,
  admins: ReadonlyMap<string, string> = new Map(),
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
  const { userId, tag, epochId, key, signer, sig, mac, from, fromMac } = value;
  if (
    value.v !== 1 ||
    userId !== user.userId ||
    tag !== row.tag ||
    epochId !== row.epochId ||
    typeof key !== 'string' ||
    typeof signer !== 'string' ||
    typeof sig !== 'string' ||
    typeof mac !== 'string' ||
    !verifySignature(sodium, signer, grantMessage({ userId, tag, epochId, key }, signer), sig) ||
    !macHolds(sodium, grantMessage({ userId, tag, epochId, key }, signer), orgKey, mac)
  )
    return null;
  const message = grantMessage({ userId, tag, epochId, key }, signer);
  const byDevice = trusted.has(signer);
  if (!byDevice && !fromHolds(sodium, message, user, admins, from, fromMac)) return null;
  const bytes = fromBase64(key);
  if (bytes.length !== 32) return null;
  return {
    tag,
    epochId,
    keyId: territoryKeyId(tag, epochId),
    key: bytes,
    grantedBy: signer,
    ...(byDevice ? {} : { fromAdmin: from as string }),
  };
};
