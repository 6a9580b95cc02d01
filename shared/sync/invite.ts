// Joining an organisation with a one-time invite code, without trusting the server with a key.
//
// The admin's device makes the invite code and hands it over out of band. Two values are derived from it:
//   - the join secret, which is all the server ever sees (it keeps its hash, as it keeps the verifier's);
//   - the invite MAC key, which never leaves the two devices.
// The newcomer's device makes the user's key pair and registers the public key with a MAC under that key;
// the admin's device checks the MAC before it seals the organisation key to that public key, so a server
// that swapped in a key of its own gets nothing sealed to it. The sealed grant carries a MAC as well, so
// the newcomer knows the key came from the admin's device and not from the server. A used or leaked-late
// code is worthless: nothing on the server can be opened with it.
// The invite as handed over also carries the server certificate's fingerprint (formatInvite), which the
// newcomer's device pins; an invite from before TLS has none and still works.
import {
  fromBase64,
  fromUtf8,
  toBase64,
  utf8,
  wipe,
  type Sodium,
  EnvelopeError,
  type EnvelopeCipher,
  verifySignature,
  type DeviceSigner,
} from '../crypto';
import { inviteFingerprint, parseFingerprint, type CertificateFingerprint } from '../platform';
import type { PageKey } from '../store';

const base64url = (bytes: Uint8Array): string =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** crypto_kdf contexts are exactly 8 bytes. */
const JOIN_SUBKEY = { id: 1, context: 'KluisINV' } as const;
const MAC_SUBKEY = { id: 2, context: 'KluisINV' } as const;

/** An invite as the newcomer types it: the one-time code, and the certificate to pin if it names one. */
export interface InviteText {
  readonly code: string;
  /** Null for an invite without one (from a server without TLS, or from before pinning). */
  readonly fingerprint: CertificateFingerprint | null;
}

const INVITE_CODE = /^[A-Za-z0-9_-]{16,128}$/;

/** "<code>.<fingerprint in base64url>", or the bare code when the server has no certificate to pin. */
export const formatInvite = (code: string, fingerprint: string | null): string => {
  const pinned = parseFingerprint(fingerprint);
  return pinned ? `${code}.${inviteFingerprint(pinned)}` : code;
};

/** Reads what the newcomer typed; null when it is no invite (a bad code, or a fingerprint cut short). */
export const readInvite = (text: string): InviteText | null => {
  const [code = '', fingerprint, ...rest] = text.trim().split('.');
  if (!INVITE_CODE.test(code) || rest.length > 0) return null;
  if (fingerprint === undefined) return { code, fingerprint: null };
  const pinned = parseFingerprint(fingerprint);
  return pinned ? { code, fingerprint: pinned } : null;
};

export interface InviteSecrets {
  /** Sent to the server in place of the code (base64url, 43 characters). */
  readonly joinSecret: string;
  /** Authenticates the newcomer's public key and the admin's grant. Wipe after use. */
  readonly macKey: Uint8Array;
}

export const deriveInviteSecrets = (sodium: Sodium, inviteCode: string): InviteSecrets => {
  const master = sodium.crypto_generichash(32, utf8(inviteCode.trim()), null);
  try {
    const join = sodium.crypto_kdf_derive_from_key(32, JOIN_SUBKEY.id, JOIN_SUBKEY.context, master);
    const joinSecret = base64url(join);
    wipe(join);
    return {
      joinSecret,
      macKey: sodium.crypto_kdf_derive_from_key(32, MAC_SUBKEY.id, MAC_SUBKEY.context, master),
    };
  } finally {
    wipe(master);
  }
};

const mac = (sodium: Sodium, macKey: Uint8Array, message: string): string =>
  toBase64(sodium.crypto_generichash(32, utf8(message), macKey));

const sameMac = (sodium: Sodium, a: string, b: string): boolean => {
  try {
    const x = fromBase64(a);
    const y = fromBase64(b);
    return x.length === y.length && sodium.memcmp(x, y);
  } catch {
    return false;
  }
};

/** The newcomer's proof that this public key was registered by someone holding the invite code. */
export const keyProof = (sodium: Sodium, macKey: Uint8Array, userId: string, publicKey: string): string =>
  mac(sodium, macKey, `kluis-invite-key|${userId}|${publicKey}`);

export const verifyKeyProof = (
  sodium: Sodium,
  macKey: Uint8Array,
  userId: string,
  publicKey: string,
  proof: string,
): boolean => sameMac(sodium, keyProof(sodium, macKey, userId, publicKey), proof);

interface GrantJson {
  /** 3 carries the page key (vault/page-keys.ts). */
  readonly v: 2 | 3;
  readonly userId: string;
  readonly orgKeyId: string;
  readonly orgKey: string;
  /**
   * The current page key, locked (AEAD) under a key derived from the invite key: sealed to the newcomer's
   * public key alone, a backup holding this grant would open with the newcomer's secret key for good.
   */
  readonly pageKeyId?: string;
  readonly pageKey?: string;
  /** The granting admin device's public signing key, and its signature over the grant. */
  readonly signer: string;
  readonly sig: string;
  /** Under the invite key: covers the signer too, so the newcomer knows which device granted. */
  readonly mac: string;
}

const grantMessage = (
  userId: string,
  orgKeyId: string,
  orgKey: string,
  signer: string,
  page?: { id: string; wrapped: string },
) =>
  page
    ? `kluis-invite-grant-v3|${userId}|${orgKeyId}|${orgKey}|${page.id}|${page.wrapped}|${signer}`
    : `kluis-invite-grant-v2|${userId}|${orgKeyId}|${orgKey}|${signer}`;

/** The key that locks the page key in a grant: derived from the invite key, wiped with it. */
const pageLockKey = (sodium: Sodium, macKey: Uint8Array): Uint8Array =>
  sodium.crypto_generichash(32, utf8('kluis-invite-page-key-v1'), macKey);
const pageLockAddress = (userId: string, pageKeyId: string) =>
  ({ collection: 'invite-page-key', id: userId, keyId: pageKeyId }) as const;

/**
 * The organisation key and its id (and the current page key, locked under the invite key), sealed to the
 * newcomer's public key (crypto_box_seal), with a MAC under the invite key. The server stores it as the
 * user's sealed organisation key.
 */
export const sealGrant = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  macKey: Uint8Array,
  signer: DeviceSigner,
  grant: { userId: string; orgKeyId: string; orgKey: Uint8Array; publicKey: string; pageKey: PageKey | null },
): string => {
  const orgKey = toBase64(grant.orgKey);
  let page: { id: string; wrapped: string } | undefined;
  if (grant.pageKey) {
    const lock = pageLockKey(sodium, macKey);
    const wrapped = cipher.sealBytes(
      grant.pageKey.key,
      lock,
      pageLockAddress(grant.userId, grant.pageKey.id),
    );
    wipe(lock);
    page = { id: grant.pageKey.id, wrapped };
  }
  const message = grantMessage(grant.userId, grant.orgKeyId, orgKey, signer.publicKey, page);
  const json: GrantJson = {
    v: page ? 3 : 2,
    userId: grant.userId,
    orgKeyId: grant.orgKeyId,
    orgKey,
    ...(page ? { pageKeyId: page.id, pageKey: page.wrapped } : {}),
    signer: signer.publicKey,
    sig: signer.sign(message),
    mac: mac(sodium, macKey, message),
  };
  const plain = utf8(JSON.stringify(json));
  try {
    return toBase64(sodium.crypto_box_seal(plain, fromBase64(grant.publicKey)));
  } finally {
    wipe(plain);
  }
};

export interface OpenedOrgKey {
  readonly orgKey: Uint8Array;
  readonly orgKeyId: string;
  /** Only for a grant: checks its MAC with the invite key and the granting device's signature. */
  readonly verify?: (macKey: Uint8Array, userId: string) => boolean;
  /** Only for a grant: the granting admin device's public signing key. */
  readonly grantedBy?: string;
  /**
   * Only for a grant that carries a page key: unlocks it with the invite key. Check `verify` first; null
   * when it does not open.
   */
  readonly unlockPageKey?: (cipher: EnvelopeCipher, macKey: Uint8Array) => PageKey | null;
}

/**
 * Opens what the server keeps as the user's sealed organisation key: either the key itself (the
 * organisation's first admin seals it so) or an admin's grant. Returns null when it does not open.
 */
export const openSealedOrgKey = (
  sodium: Sodium,
  sealed: string,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
  fallbackOrgKeyId: string,
): OpenedOrgKey | null => {
  let plain: Uint8Array;
  try {
    plain = sodium.crypto_box_seal_open(fromBase64(sealed), publicKey, secretKey);
  } catch {
    return null;
  }
  if (plain.length === 32) return { orgKey: plain, orgKeyId: fallbackOrgKeyId };
  try {
    const grant = JSON.parse(fromUtf8(plain)) as Partial<GrantJson>;
    const withPage = grant.v === 3;
    if (
      (grant.v !== 2 && !withPage) ||
      (withPage && (typeof grant.pageKeyId !== 'string' || typeof grant.pageKey !== 'string')) ||
      typeof grant.userId !== 'string' ||
      typeof grant.orgKeyId !== 'string' ||
      typeof grant.orgKey !== 'string' ||
      typeof grant.signer !== 'string' ||
      typeof grant.sig !== 'string' ||
      typeof grant.mac !== 'string'
    ) {
      return null;
    }
    const orgKey = fromBase64(grant.orgKey);
    if (orgKey.length !== 32) return null;
    const { userId, orgKeyId, signer, sig, mac: grantMac } = grant;
    const page = withPage ? { id: grant.pageKeyId!, wrapped: grant.pageKey! } : undefined;
    const message = grantMessage(userId, orgKeyId, grant.orgKey, signer, page);
    return {
      orgKey,
      orgKeyId,
      grantedBy: signer,
      ...(page
        ? {
            unlockPageKey: (cipher: EnvelopeCipher, macKey: Uint8Array): PageKey | null => {
              const lock = pageLockKey(sodium, macKey);
              try {
                const key = cipher.openBytes(page.wrapped, lock, pageLockAddress(userId, page.id));
                return key.length === 32 ? { id: page.id, key } : null;
              } catch (error) {
                if (error instanceof EnvelopeError) return null;
                throw error;
              } finally {
                wipe(lock);
              }
            },
          }
        : {}),
      verify: (macKey, expectedUser) =>
        expectedUser === userId &&
        sameMac(sodium, mac(sodium, macKey, message), grantMac) &&
        verifySignature(sodium, signer, message, sig),
    };
  } catch {
    return null;
  } finally {
    wipe(plain);
  }
};

const inviteKeyAddress = (userId: string) =>
  ({ collection: 'invite-key', id: userId, keyId: 'kek' }) as const;

/**
 * The invite key locked (AEAD) under the passphrase's key-encryption key, kept with the account's keys
 * until the join is finished: a device that left before the grant arrived can still check it when the
 * user signs in with the passphrase. The server cannot open it nor make one that opens.
 */
export const sealInviteKey = (
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  userId: string,
  macKey: Uint8Array,
): string => cipher.sealBytes(macKey, kek, inviteKeyAddress(userId));

/** The invite key from its box; null when the box does not open under this key-encryption key. */
export const openInviteKey = (
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  userId: string,
  box: string,
): Uint8Array | null => {
  try {
    const key = cipher.openBytes(box, kek, inviteKeyAddress(userId));
    if (key.length === 32) return key;
    wipe(key);
    return null;
  } catch (error) {
    if (error instanceof EnvelopeError) return null;
    throw error;
  }
};
