// The page key: the key that wraps every data key in the key pages (shared/store/data-keys.ts). It has
// epochs. Removing a member and every erasure schedule a rotation (sync/rotation.ts): a new page key,
// every page re-wrapped under it, and — once no page is left under an older one — the older keys
// destroyed on every device.
//
// Why a key of its own and not the organisation key: the organisation key also encrypts what must stay
// readable for years (settings, the audit trail, compliance files). A key that wrapped a data key must be
// destroyed for an erasure to reach old copies (a server backup, a copied database directory), so the key
// that wraps data keys wraps nothing else.
//
// How a page key reaches a member, and why it is locked twice. A backup made before an erasure still holds
// everything the server held then, including the grants that carried the page key of that time. If a
// grant were only sealed to the member's public key, the member's current secret key would open it years
// later and, with it, the backup's key pages. So a rotation grant is sealed to the member's public key
// AND locked under the previous page key, which is destroyed once the rotation finishes:
//   - a removed member holds the previous page key but not a remaining member's secret key;
//   - a server (or a backup thief) holds neither;
//   - a remaining member, after the rotation, holds their secret key but no longer the previous page key.
// The first page key a newcomer receives is locked under a key derived from the invite code instead
// (sync/invite.ts), which the newcomer's device wipes after joining. A user's new device gets its first
// page key from the account's passphrase box (vault/org-key-box.ts) and walks the grants forward.
//
// On the device the ring (current key, and older ones until their epoch finishes) is kept in the `vault`
// collection sealed to the user's public key, so the OS keychain unlock, which yields only the user's
// secret key, opens it too.
import { fromBase64, fromUtf8, toBase64, wipe, randomBytes } from '../crypto';
import { EnvelopeError, sealJsonTo, type EnvelopeCipher } from '../crypto';
import type { Sodium } from '../crypto';
import type { KluisDatabase } from '../store';
import type { PageKey, PageKeyRing } from '../store';
import { verifySignature, type DeviceSigner } from '../crypto';
import { newId } from '../crypto';

export const PAGE_KEYS_ID = 'page-keys';

export const newPageKey = (): PageKey => ({ id: newId(), key: randomBytes(32) });

export const wipeRing = (ring: PageKeyRing | null | undefined): void => {
  if (!ring) return;
  wipe(ring.current.key);
  for (const key of ring.older) wipe(key.key);
};

interface StoredRing {
  readonly v: 1;
  readonly current: { id: string; key: string };
  readonly older: { id: string; key: string }[];
}

const encodeKey = (key: PageKey) => ({ id: key.id, key: toBase64(key.key) });
const decodeKey = (value: unknown): PageKey | null => {
  const v = value as { id?: unknown; key?: unknown } | null;
  if (!v || typeof v.id !== 'string' || typeof v.key !== 'string') return null;
  const key = fromBase64(v.key);
  return key.length === 32 ? { id: v.id, key } : null;
};

/** Writes the ring sealed to the user's public key. Older keys left out are gone from this device. */
export const storePageKeys = async (
  db: KluisDatabase,
  sodium: Sodium,
  userPublicKey: Uint8Array,
  ring: PageKeyRing,
): Promise<void> => {
  const json: StoredRing = { v: 1, current: encodeKey(ring.current), older: ring.older.map(encodeKey) };
  const payload = sealJsonTo(sodium, json, userPublicKey);
  await db.vault.upsert({ id: PAGE_KEYS_ID, payload, updatedAt: Date.now() });
};

/**
 * The device's ring, or null for a vault made before page keys: its pages are wrapped by the organisation
 * key itself until the organisation's first rotation (the caller then uses that key as the page key).
 */
export const loadPageKeys = async (
  db: KluisDatabase,
  sodium: Sodium,
  userPublicKey: Uint8Array,
  userSecretKey: Uint8Array,
): Promise<PageKeyRing | null> => {
  const doc = await db.vault.findOne(PAGE_KEYS_ID).exec();
  if (!doc) return null;
  let plain: Uint8Array;
  try {
    plain = sodium.crypto_box_seal_open(fromBase64(doc.payload), userPublicKey, userSecretKey);
  } catch {
    throw new Error('The page keys of this vault do not open with its user key');
  }
  try {
    const value = JSON.parse(fromUtf8(plain)) as Partial<StoredRing>;
    const current = decodeKey(value.current);
    if (value.v !== 1 || !current || !Array.isArray(value.older)) throw new Error('Unreadable page keys');
    const older = value.older.map(decodeKey).filter((k): k is PageKey => k !== null);
    return { current, older };
  } finally {
    wipe(plain);
  }
};

// ----------------------------------------------------------------------------------------------------
// Rotation grants
// ----------------------------------------------------------------------------------------------------

interface RotationGrantJson {
  readonly v: 1;
  readonly userId: string;
  readonly epochId: string;
  readonly previousEpochId: string;
  /** The new page key, sealed (AEAD) under the previous page key. */
  readonly wrapped: string;
  /** The rotating admin device's signing key and its signature over everything above. */
  readonly signer: string;
  readonly sig: string;
}

const lockAddress = (userId: string, previousEpochId: string, epochId: string) =>
  ({ collection: 'page-key', id: userId, keyId: `${previousEpochId}>${epochId}` }) as const;

const grantMessage = (g: Omit<RotationGrantJson, 'v' | 'signer' | 'sig'>, signer: string) =>
  `kluis-page-key-grant-v1|${g.userId}|${g.previousEpochId}|${g.epochId}|${g.wrapped}|${signer}`;

/** The new page key for one member: sealed to their public key and locked under the previous page key. */
export const sealRotationGrant = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  signer: DeviceSigner,
  grant: { userId: string; publicKey: string; previous: PageKey; next: PageKey },
): string => {
  const { userId, previous, next } = grant;
  const body = {
    userId,
    epochId: next.id,
    previousEpochId: previous.id,
    wrapped: cipher.sealBytes(next.key, previous.key, lockAddress(userId, previous.id, next.id)),
  };
  const json: RotationGrantJson = {
    v: 1,
    ...body,
    signer: signer.publicKey,
    sig: signer.sign(grantMessage(body, signer.publicKey)),
  };
  return sealJsonTo(sodium, json, fromBase64(grant.publicKey));
};

export interface OpenedRotationGrant {
  readonly epochId: string;
  readonly previousEpochId: string;
  /** The granting admin device's public signing key. */
  readonly grantedBy: string;
  /** The new page key, or null when `previous` is not the key it was locked under. */
  unlock(previous: Uint8Array): Uint8Array | null;
}

/**
 * Opens a grant sealed to this user. Null when it does not open, is not for this user, or its signature
 * does not hold. What authenticates the key is the lock under the previous page key, which the server
 * never held; the signature names the admin device that rotated.
 */
export const openRotationGrant = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  sealed: string,
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
): OpenedRotationGrant | null => {
  let plain: Uint8Array;
  try {
    plain = sodium.crypto_box_seal_open(fromBase64(sealed), user.publicKey, user.secretKey);
  } catch {
    return null;
  }
  let value: Partial<RotationGrantJson>;
  try {
    const parsed: unknown = JSON.parse(fromUtf8(plain));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    value = parsed as Partial<RotationGrantJson>;
  } catch {
    return null;
  } finally {
    wipe(plain);
  }
  const { userId, epochId, previousEpochId, wrapped, signer, sig } = value;
  if (
    value.v !== 1 ||
    userId !== user.userId ||
    typeof epochId !== 'string' ||
    typeof previousEpochId !== 'string' ||
    // A grant from an epoch to itself would shadow the genuine key of that epoch.
    epochId === previousEpochId ||
    typeof wrapped !== 'string' ||
    typeof signer !== 'string' ||
    typeof sig !== 'string' ||
    !verifySignature(sodium, signer, grantMessage({ userId, epochId, previousEpochId, wrapped }, signer), sig)
  ) {
    return null;
  }
  return {
    epochId,
    previousEpochId,
    grantedBy: signer,
    unlock: (previous) => {
      try {
        const key = cipher.openBytes(wrapped, previous, lockAddress(userId, previousEpochId, epochId));
        if (key.length === 32) return key;
        wipe(key);
        return null;
      } catch (error) {
        if (error instanceof EnvelopeError) return null;
        throw error;
      }
    },
  };
};

/**
 * Walks a user's grants forward from a key they hold (from their passphrase box, or the ring of a device
 * that was offline during rotations) to the newest epoch it can reach. Returns the keys it unlocked, oldest
 * first; the caller decides which to keep. A grant that does not open, does not chain, or leads to an
 * epoch already seen (`known`, or earlier in the walk) is skipped, so a forged grant listed first neither
 * stops the walk nor replaces a key the device holds, and a loop of grants ends.
 */
export const walkGrants = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  from: PageKey,
  grants: readonly { epochId: string; sealed: string }[],
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
  known: Iterable<string> = [],
): PageKey[] => {
  const opened = grants.flatMap((row) => {
    const grant = openRotationGrant(sodium, cipher, row.sealed, user);
    return grant && grant.epochId === row.epochId ? [grant] : [];
  });
  const seen = new Set([from.id, ...known]);
  const reached: PageKey[] = [];
  let at = from;
  for (;;) {
    let next: PageKey | null = null;
    for (const grant of opened) {
      if (grant.previousEpochId !== at.id || seen.has(grant.epochId)) continue;
      const key = grant.unlock(at.key);
      if (key) {
        next = { id: grant.epochId, key };
        break;
      }
    }
    if (!next) return reached;
    seen.add(next.id);
    reached.push(next);
    at = next;
  }
};
