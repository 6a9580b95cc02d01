// The organisation key as the user's passphrase vouches for it. The server keeps, with the user's keys, the
// organisation key sealed with the key-encryption key (XChaCha20-Poly1305, bound to the user's id), which
// only the passphrase yields. A new device opens it right after it opened the user's secret key the same
// way, so a server that seals a key of its own to the user's public key — or drops, swaps or replays
// another user's box — is refused before the device encrypts anything with a key the server knows.
import { fromBase64, toBase64, wipe } from '../crypto';
import { EnvelopeError, type EnvelopeCipher } from '../crypto';
import type { PageKey } from '../store';

export interface OrgKeyClaim {
  readonly orgId: string;
  readonly orgKeyId: string;
  readonly orgKey: Uint8Array;
  /**
   * The page key of the epoch when the box was sealed (vault/page-keys.ts); a new device walks the user's
   * grants forward from it. Absent for an organisation from before page keys.
   */
  readonly pageKey?: PageKey;
  /**
   * The signing key (base64) of the admin device that let the user in, checked with the invite code when
   * the user joined (or the founding device's own): the user's other devices trust its territory grants
   * (sync/member-pins.ts). Absent for a box sealed before it was kept.
   */
  readonly adminSigner?: string;
}

interface BoxJson {
  /** 2 carries the page key. */
  readonly v: 1 | 2;
  readonly userId: string;
  readonly orgId: string;
  readonly orgKeyId: string;
  readonly orgKey: string;
  readonly pageKeyId?: string;
  readonly pageKey?: string;
  readonly adminSigner?: string;
}

const boxAddress = (userId: string) => ({ collection: 'account', id: userId, keyId: 'org-key-box' }) as const;

export const sealOrgKeyBox = (
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  userId: string,
  claim: OrgKeyClaim,
): string => {
  const json: BoxJson = {
    v: claim.pageKey ? 2 : 1,
    userId,
    orgId: claim.orgId,
    orgKeyId: claim.orgKeyId,
    orgKey: toBase64(claim.orgKey),
    ...(claim.pageKey ? { pageKeyId: claim.pageKey.id, pageKey: toBase64(claim.pageKey.key) } : {}),
    ...(claim.adminSigner ? { adminSigner: claim.adminSigner } : {}),
  };
  return cipher.sealJson(json, kek, boxAddress(userId));
};

/** The claim, or null when the box does not open with this key-encryption key for this user. */
export const openOrgKeyBox = (
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  userId: string,
  box: string,
): OrgKeyClaim | null => {
  let value: Partial<BoxJson>;
  try {
    value = cipher.openJson(box, kek, boxAddress(userId)) as Partial<BoxJson>;
  } catch (error) {
    if (error instanceof EnvelopeError) return null;
    throw error;
  }
  if (
    (value.v !== 1 && value.v !== 2) ||
    value.userId !== userId ||
    typeof value.orgId !== 'string' ||
    typeof value.orgKeyId !== 'string' ||
    typeof value.orgKey !== 'string'
  ) {
    return null;
  }
  const orgKey = fromBase64(value.orgKey);
  if (orgKey.length !== 32) {
    wipe(orgKey);
    return null;
  }
  const signer = typeof value.adminSigner === 'string' ? { adminSigner: value.adminSigner } : {};
  if (value.v === 1) return { orgId: value.orgId, orgKeyId: value.orgKeyId, orgKey, ...signer };
  const pageKey = typeof value.pageKey === 'string' ? fromBase64(value.pageKey) : null;
  if (typeof value.pageKeyId !== 'string' || pageKey?.length !== 32) {
    wipe(orgKey);
    wipe(pageKey ?? undefined);
    return null;
  }
  return {
    orgId: value.orgId,
    orgKeyId: value.orgKeyId,
    orgKey,
    pageKey: { id: value.pageKeyId, key: pageKey },
    ...signer,
  };
};
