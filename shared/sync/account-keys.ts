// What a device makes of the keys the server keeps for its user, trusting nothing the passphrase or the
// user's own devices do not vouch for: the account's keys opened with the key-encryption key, the local
// keyring rebuilt from them, the MAC that marks keys a passphrase change made, and the page-key ring a
// new device starts with (walked forward through the user's rotation grants).
import { fromBase64, toBase64, utf8, wipe } from '../crypto';
import { EnvelopeError, type EnvelopeCipher } from '../crypto';
import type { Sodium } from '../crypto';
import { err, ok } from '../platform';
import type { PageKey, PageKeyRing } from '../store';
import { kekAddress, type KeyringDoc } from '../vault';
import { openOrgKeyBox, type OrgKeyClaim } from '../vault';
import { walkGrants } from '../vault';
import type { AccountLink, AccountReply, KeyringMaterial } from './account-link';
import { openInviteKey, openSealedOrgKey } from './invite';
import type { MeResponse } from './protocol-accounts';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch } from './server-client';

/** GET /keys: the organisation's key epochs, this user's grants, and what waits for a rotation. */
export const fetchKeys = (fetch: Fetch, link: Pick<AccountLink, 'serverUrl' | 'token'>) =>
  serverClient(fetch, link).call(ROUTES.keys);

/**
 * The page-key ring a new device starts with: from the page key the user's passphrase box vouches for
 * (or, for an organisation from before page keys, the organisation key), forward through the user's
 * grants. Keys of epochs that are not finished yet stay in the ring, for the pages still under them.
 * Null: the organisation has no page keys yet.
 */
export const pageKeysFor = async (
  fetch: Fetch,
  link: AccountLink,
  sodium: Sodium,
  cipher: EnvelopeCipher,
  claim: OrgKeyClaim,
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
): Promise<AccountReply<PageKeyRing | null>> => {
  const state = await fetchKeys(fetch, link);
  if (!state.ok) return state;
  const { epochs, grants } = state.value;
  const start: PageKey = claim.pageKey
    ? { id: claim.pageKey.id, key: claim.pageKey.key.slice() }
    : { id: claim.orgKeyId, key: claim.orgKey.slice() };
  const reached = walkGrants(sodium, cipher, start, grants, user);
  if (!reached.length && !claim.pageKey) {
    wipe(start.key);
    return ok(null);
  }
  const chain = [start, ...reached];
  const current = chain[chain.length - 1]!;
  // Earlier keys stay while some epoch after them is unfinished: pages may still be under them.
  const finished = new Set(epochs.filter((e) => e.finishedAt !== null).map((e) => e.epochId));
  const older = finished.has(current.id) ? [] : chain.slice(0, -1);
  for (const key of chain.slice(0, -1)) if (!older.includes(key)) wipe(key.key);
  return ok({ current, older });
};

/**
 * The organisation key from an admin's grant, checked as the joining device checks it: the MAC under the
 * invite key and the granting device's signature, for this user; the page key it carries unlocked with
 * the invite key. Null for anything else (a bare key, a forged or another user's grant).
 */
export const claimFromGrant = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  sealed: string,
  user: { userId: string; orgId: string; publicKey: Uint8Array; secretKey: Uint8Array },
  macKey: Uint8Array,
): OrgKeyClaim | null => {
  const opened = openSealedOrgKey(sodium, sealed, user.publicKey, user.secretKey, '');
  if (!opened?.verify?.(macKey, user.userId)) {
    wipe(opened?.orgKey);
    return null;
  }
  const pageKey = opened.unlockPageKey?.(cipher, macKey) ?? undefined;
  if (opened.unlockPageKey && !pageKey) {
    wipe(opened.orgKey);
    return null;
  }
  return {
    orgId: user.orgId,
    orgKeyId: opened.orgKeyId,
    orgKey: opened.orgKey,
    ...(pageKey ? { pageKey } : {}),
    ...(opened.grantedBy ? { adminSigner: opened.grantedBy } : {}),
  };
};

/**
 * Opens what the server keeps for the user with the key-encryption key, trusting nothing the passphrase
 * does not vouch for: the secret key must open (AEAD under the KEK) and belong to the public key; the
 * organisation key comes from the KEK-sealed box, and a sealed key that opens to anything else is a
 * substitution, refused. A join left before the admin's grant arrived has no box yet: the grant is then
 * checked with the invite key the passphrase locked away at join (`finishesJoin`: the caller writes the
 * box). Wipes nothing it was given.
 */
export const openAccountKeys = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  user: MeResponse,
): AccountReply<{ userSecretKey: Uint8Array; claim: OrgKeyClaim; finishesJoin: boolean }> => {
  let userSecretKey: Uint8Array;
  try {
    userSecretKey = cipher.openBytes(user.keys.encryptedSecretKey, kek, kekAddress);
  } catch (error) {
    if (error instanceof EnvelopeError) return err('wrong-passphrase');
    throw error;
  }
  const refuse = (claim?: OrgKeyClaim): AccountReply<never> => {
    wipe(userSecretKey);
    wipe(claim?.orgKey);
    return err('org-key-not-authenticated');
  };
  const publicKey = sodium.crypto_scalarmult_base(userSecretKey);
  if (toBase64(publicKey) !== user.keys.publicKey) return refuse();
  if (!user.keys.orgKeyBox) {
    if (user.sealedOrgKey === null) {
      wipe(userSecretKey);
      return err('awaiting-org-key');
    }
    const macKey = user.keys.inviteKeyBox
      ? openInviteKey(cipher, kek, user.id, user.keys.inviteKeyBox)
      : null;
    if (!macKey) return refuse();
    const granted = claimFromGrant(
      sodium,
      cipher,
      user.sealedOrgKey,
      { userId: user.id, orgId: user.orgId, publicKey, secretKey: userSecretKey },
      macKey,
    );
    wipe(macKey);
    if (!granted) return refuse();
    return ok({ userSecretKey, claim: granted, finishesJoin: true });
  }
  const claim = openOrgKeyBox(cipher, kek, user.id, user.keys.orgKeyBox);
  if (!claim || claim.orgId !== user.orgId) return refuse(claim ?? undefined);
  if (user.sealedOrgKey !== null) {
    const sealed = openSealedOrgKey(sodium, user.sealedOrgKey, publicKey, userSecretKey, claim.orgKeyId);
    const same = sealed !== null && sodium.memcmp(sealed.orgKey, claim.orgKey);
    wipe(sealed?.orgKey);
    if (!same) return refuse(claim);
  }
  return ok({ userSecretKey, claim, finishesJoin: false });
};

/** The local keyring of a device that received its keys from the server: the key itself, kept sealed. */
export const keyringDoc = (
  sodium: Sodium,
  material: KeyringMaterial,
  user: MeResponse,
  claim: OrgKeyClaim,
): KeyringDoc => ({
  format: material.format,
  vaultId: material.vaultId,
  orgId: user.orgId,
  orgKeyId: claim.orgKeyId,
  kdf: material.kdf,
  userPublicKey: user.keys.publicKey,
  wrappedUserSecretKey: user.keys.encryptedSecretKey,
  sealedOrgKey: toBase64(sodium.crypto_box_seal(claim.orgKey, fromBase64(user.keys.publicKey))),
  createdAt: material.createdAt,
  accountVersion: material.version ?? 0,
});

/**
 * A MAC over the account's keys as a passphrase change left them, under a key only the user's devices
 * derive (from the user's secret key): the server can neither forge it nor move it to other keys.
 */
export const accountKeysMac = (
  sodium: Sodium,
  userSecretKey: Uint8Array,
  kdf: string,
  encryptedSecretKey: string,
): string => {
  const key = sodium.crypto_kdf_derive_from_key(32, 4, 'KluisACC', userSecretKey);
  try {
    return toBase64(
      sodium.crypto_generichash(32, utf8(`kluis-account-keys-v1|${kdf}|${encryptedSecretKey}`), key),
    );
  } finally {
    wipe(key);
  }
};
