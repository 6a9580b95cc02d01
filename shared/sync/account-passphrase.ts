// A passphrase change reaches the whole account: made on one linked device, replaced on the server in one
// step, and picked up by the user's other devices (checkAccountKeys); after a rotation the account's
// passphrase box is re-sealed with the current page key (refreshAccountBox).
import { toBase64, wipe } from '../crypto';
import { EnvelopeCipher } from '../crypto';
import { checkKdfParams, newSalt, type KdfParams } from '../crypto';
import { loadSodium } from '../crypto';
import { err, ok } from '../platform';
import type { KluisDatabase } from '../store';
import type { PageKeyRing } from '../store';
import {
  derivePassphraseKeys,
  kekAddress,
  KEYRING_FORMAT,
  KEYRING_ID,
  openKeyringWithKek,
  WrongPassphraseError,
  type KeyringDoc,
  type UnlockedKeys,
} from '../vault';
import { openOrgKeyBox, sealOrgKeyBox } from '../vault';
import { loadPageKeys, wipeRing } from '../vault';
import type { Session } from '../vault';
import {
  decodeMaterial,
  encodeMaterial,
  readKeyring,
  type AccountLink,
  type AccountReply,
} from './account-link';
import { accountKeysMac, fetchKeys } from './account-keys';
import { memberPins } from './member-pins';
import type { UserKeys } from './protocol-accounts';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch } from './server-client';

export interface ChangePassphraseOptions {
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId' | 'orgId'>;
  readonly db: KluisDatabase;
  readonly current: string;
  readonly next: string;
  /** Only lowered by tests. */
  readonly kdf?: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>;
}

/**
 * A passphrase change on a linked device reaches the account: the server's verifier, the wrapped secret
 * key and the organisation-key box are replaced in one step, authorised by the device token and the old
 * verifier; only then is the local keyring replaced. Offline, nothing changes ('offline'): a change kept
 * on one device alone would leave the old passphrase valid everywhere else.
 */
export const changeAccountPassphrase = async (
  options: ChangePassphraseOptions,
): Promise<AccountReply<void>> => {
  const { db, link } = options;
  const doc = await readKeyring(db);
  if (!doc) return err('no-vault');
  if (doc.format !== 2) return err('bad-response');
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const old = derivePassphraseKeys(sodium, options.current, doc.kdf, doc.format);
  let keys: UnlockedKeys;
  try {
    keys = openKeyringWithKek(sodium, cipher, doc, old.kek);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return err('wrong-passphrase');
    throw error;
  }
  const kdf: KdfParams = {
    algorithm: 'argon2id13',
    ...(options.kdf ?? { opsLimit: doc.kdf.opsLimit, memLimitBytes: doc.kdf.memLimitBytes }),
    salt: toBase64(newSalt()),
  };
  const fresh = derivePassphraseKeys(sodium, options.next, kdf, KEYRING_FORMAT);
  // The admin device the box vouches for (sync/member-pins.ts) stays in the new box.
  const [adminSigner] = await memberPins(db).signers();
  let next: KeyringDoc;
  let userKeys: UserKeys;
  let ring: PageKeyRing | null = null;
  try {
    ring = await loadPageKeys(db, sodium, keys.userPublicKey, keys.userSecretKey);
    const { replacement: _dropped, ...current } = doc;
    next = {
      ...current,
      kdf,
      wrappedUserSecretKey: cipher.sealBytes(keys.userSecretKey, fresh.kek, kekAddress),
      accountVersion: (doc.accountVersion ?? 0) + 1,
    };
    const material = encodeMaterial(next);
    userKeys = {
      kdf: material,
      publicKey: next.userPublicKey,
      encryptedSecretKey: next.wrappedUserSecretKey,
      orgKeyBox: sealOrgKeyBox(cipher, fresh.kek, link.userId, {
        ...keys,
        orgId: link.orgId,
        ...(ring ? { pageKey: ring.current } : {}),
        ...(adminSigner ? { adminSigner } : {}),
      }),
      keysMac: accountKeysMac(sodium, keys.userSecretKey, material, next.wrappedUserSecretKey),
    };
  } finally {
    wipe(fresh.kek);
    wipe(keys.orgKey);
    wipe(keys.userSecretKey);
    wipeRing(ring);
  }
  const replaced = await serverClient(options.fetch, link).call(ROUTES.replaceKeys, {
    body: { authVerifier: old.authVerifier, newAuthVerifier: fresh.authVerifier, keys: userKeys },
  });
  if (!replaced.ok) return replaced.error === 'wrong-credentials' ? err('wrong-passphrase') : replaced;
  await db.vault.upsert({ id: KEYRING_ID, payload: JSON.stringify(next), updatedAt: Date.now() });
  return ok(undefined);
};

/**
 * Run by a linked device once it is unlocked and online: when the account's keys on the server differ
 * from this keyring's, the passphrase was changed on another device. The server's wrapped key is kept
 * beside the local one (`replacement`), so from the next unlock on only the new passphrase opens this
 * vault (Vault.unlock). Answers 'passphrase-changed' then; the caller locks and asks for the new one.
 * A replacement for another public key, or with KDF parameters below the floor, is ignored.
 */
export const checkAccountKeys = async (
  fetch: Fetch,
  link: Pick<AccountLink, 'serverUrl' | 'token'>,
  db: KluisDatabase,
  /** The unlocked user's secret key (a copy; not wiped here): it checks the keys' MAC. */
  userSecretKey: Uint8Array,
): Promise<AccountReply<'current' | 'passphrase-changed'>> => {
  const doc = await readKeyring(db);
  if (!doc) return err('no-vault');
  const me = await serverClient(fetch, link).call(ROUTES.me);
  if (!me.ok) return me;
  const { keys } = me.value;
  if (keys.encryptedSecretKey === doc.wrappedUserSecretKey) return ok('current');
  const material = decodeMaterial(keys.kdf);
  if (!material || keys.publicKey !== doc.userPublicKey) return err('bad-response');
  const kdfCheck = checkKdfParams(material.kdf);
  if (kdfCheck !== 'ok') return err(kdfCheck);
  // Only keys one of the user's own devices made, and newer than these: a server can neither lock the
  // user out with keys of its own nor roll the device back to an older (perhaps leaked) passphrase.
  const sodium = await loadSodium();
  const version = material.version ?? 0;
  const expected = accountKeysMac(sodium, userSecretKey, keys.kdf, keys.encryptedSecretKey);
  if (keys.keysMac !== expected || version <= (doc.accountVersion ?? 0)) return err('keys-not-authenticated');
  const replacement = {
    kdf: material.kdf,
    wrappedUserSecretKey: keys.encryptedSecretKey,
    accountVersion: version,
  };
  await db.vault.upsert({
    id: KEYRING_ID,
    payload: JSON.stringify({ ...doc, replacement } satisfies KeyringDoc),
    updatedAt: Date.now(),
  });
  return ok('passphrase-changed');
};

/** Never synced: the id of the page key this device last sealed into the account's passphrase box. */
const BOX_PAGE_KEY_ID = 'account-box-page-key';

/**
 * After a rotation, the account's passphrase box (vault/org-key-box.ts) still holds the page key of when it
 * was sealed: a new device needs some page key to start its walk over the grants, but the live server
 * should not go on handing out a destroyed one. Run after an unlock with the passphrase (the only moment a
 * device can make the box's key): when the box is behind this device's current page key, it is re-sealed
 * with the current one and replaced on the server, authorised by the passphrase's verifier. Copies of the
 * server made before keep the older box: a member's passphrase still opens those (README, threat model).
 * Answers whether the box was replaced; a stale or offline answer changes nothing.
 */
export const refreshAccountBox = async (options: {
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId' | 'orgId'>;
  readonly session: Session;
  readonly passphrase: string;
}): Promise<AccountReply<boolean>> => {
  const { session, link } = options;
  const current = session.epochPageKey;
  if (!current) return ok(false);
  const marker = await session.db.vault.findOne(BOX_PAGE_KEY_ID).exec();
  if (marker?.payload === current.id) return ok(false);
  const doc = await readKeyring(session.db);
  if (!doc || doc.format !== 2) return err('no-vault');
  const me = await serverClient(options.fetch, link).call(ROUTES.me);
  if (!me.ok) return me;
  const epochs = await fetchKeys(options.fetch, link);
  if (!epochs.ok) return epochs;
  const seq = (id: string | undefined) => epochs.value.epochs.find((e) => e.epochId === id)?.seq ?? -1;
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const { kek, authVerifier } = derivePassphraseKeys(sodium, options.passphrase, doc.kdf, doc.format);
  try {
    const box = me.value.keys.orgKeyBox;
    const held = box ? openOrgKeyBox(cipher, kek, link.userId, box) : null;
    // A box this passphrase does not open belongs to a newer passphrase: leave it to that change.
    if (!held) return ok(false);
    // Only forward: another device of this user may have sealed a newer key already.
    const behind = seq(held.pageKey?.id) < seq(current.id);
    const adminSigner = held.adminSigner;
    wipe(held.orgKey);
    wipe(held.pageKey?.key);
    if (behind) {
      const keys: UserKeys = {
        ...me.value.keys,
        orgKeyBox: sealOrgKeyBox(cipher, kek, link.userId, {
          orgId: link.orgId,
          orgKeyId: session.orgKeyId,
          orgKey: session.orgKey,
          pageKey: current,
          ...(adminSigner ? { adminSigner } : {}),
        }),
      };
      const stored = await serverClient(options.fetch, link).call(ROUTES.replaceKeys, {
        body: { authVerifier, keys },
      });
      if (!stored.ok) return stored;
    }
    await session.db.vault.upsert({ id: BOX_PAGE_KEY_ID, payload: current.id, updatedAt: Date.now() });
    return ok(behind);
  } finally {
    wipe(kek);
  }
};
