// Links the local vault to a sync server: the first admin creates the organisation from this keyring, and
// a new device signs in with user id and passphrase and rebuilds the same keyring from what the server
// keeps (all of it made and encrypted here; the server can decrypt none of it). Errors are values.
// Joining with an invite is join.ts; passphrase changes are account-passphrase.ts.
import {
  fromBase64,
  toBase64,
  wipe,
  EnvelopeCipher,
  newId,
  checkKdfParams,
  newSigningPair,
  type SigningPair,
  loadSodium,
} from '../crypto';
import { err, ok } from '../platform';
import type { KluisDatabase, PageKeyRing } from '../store';
import {
  loadSigningPair,
  storeSigningPair,
  derivePassphraseKeys,
  KEYRING_ID,
  openKeyringWithKek,
  openKeyringWithSecretKey,
  rewrapKeyring,
  WrongPassphraseError,
  type UnlockedKeys,
  sealOrgKeyBox,
  loadPageKeys,
  storePageKeys,
  wipeRing,
  Session,
} from '../vault';
import {
  decodeMaterial,
  encodeMaterial,
  linkFrom,
  readKeyring,
  type AccountLink,
  type AccountReply,
} from './account-link';
import { keyringDoc, openAccountKeys, pageKeysFor } from './account-keys';
import { memberPins } from './member-pins';
import type { UserKeys } from './protocol-accounts';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch } from './server-client';

export interface ConnectOptions {
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly db: KluisDatabase;
  readonly passphrase: string;
  /** The new admin's user id; random unless given. */
  readonly userId?: string;
  /** The code the server printed at start: needed once the server holds an organisation. */
  readonly setupCode?: string;
}

/** "Connect this vault to a server": creates the organisation and its first admin from this keyring. */
export const connectVault = async (options: ConnectOptions): Promise<AccountReply<AccountLink>> => {
  const { db, passphrase, serverUrl } = options;
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  let doc = await readKeyring(db);
  if (!doc) return err('no-vault');
  if (doc.format === 1) {
    // A format-1 keyring has no verifier apart from its key-encryption key: re-wrap it first.
    try {
      doc = rewrapKeyring(sodium, cipher, doc, passphrase, passphrase);
    } catch (error) {
      if (error instanceof WrongPassphraseError) return err('wrong-passphrase');
      throw error;
    }
    await db.vault.upsert({ id: KEYRING_ID, payload: JSON.stringify(doc), updatedAt: Date.now() });
  }
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, doc.kdf, doc.format);
  const userId = options.userId ?? newId();
  let keys: UnlockedKeys;
  try {
    // Proves the passphrase before anything reaches the server.
    keys = openKeyringWithKek(sodium, cipher, doc, kek.slice());
  } catch (error) {
    wipe(kek);
    if (error instanceof WrongPassphraseError) return err('wrong-passphrase');
    throw error;
  }
  let signing: SigningPair;
  let orgKeyBox: string;
  let ring: PageKeyRing | null = null;
  try {
    ring = await loadPageKeys(db, sodium, keys.userPublicKey, keys.userSecretKey);
    signing = await loadSigningPair(db, cipher, keys.userSecretKey);
    // The founding device is the organisation's first admin device: the user's other devices trust it.
    orgKeyBox = sealOrgKeyBox(cipher, kek, userId, {
      ...keys,
      ...(ring ? { pageKey: ring.current } : {}),
      adminSigner: toBase64(signing.publicKey),
    });
  } finally {
    wipe(kek);
    wipe(keys.orgKey);
    wipe(keys.userSecretKey);
    wipeRing(ring);
  }
  const userKeys: UserKeys = {
    kdf: encodeMaterial(doc),
    publicKey: doc.userPublicKey,
    encryptedSecretKey: doc.wrappedUserSecretKey,
    orgKeyBox,
  };
  const setupCode = options.setupCode?.trim();
  const created = await serverClient(options.fetch, { serverUrl }).call(ROUTES.createOrganisation, {
    ...(setupCode ? { headers: { 'x-kluis-setup-code': setupCode } } : {}),
    body: {
      orgId: doc.orgId,
      userId,
      authVerifier,
      keys: userKeys,
      sealedOrgKey: doc.sealedOrgKey,
      signingKey: toBase64(signing.publicKey),
      // The server records the first page key's id as key epoch 0; a vault from before page keys has none.
      ...(ring ? { pageKeyId: ring.current.id } : {}),
    },
  });
  wipe(signing.secretKey);
  if (!created.ok) return created;
  // The founding device is an admin device this device trusts, and the one its passphrase box names.
  await memberPins(db).trustSigner(toBase64(signing.publicKey));
  return ok(linkFrom(serverUrl, created.value));
};

export interface SignInOptions {
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly db: KluisDatabase;
  readonly userId: string;
  readonly passphrase: string;
}

/**
 * "Sign in on a new device": fetches the keyring material, proves the passphrase with the auth verifier,
 * and creates the local vault with the same organisation key and ids, so both devices read the same data.
 */
export const signInOnNewDevice = async (
  options: SignInOptions,
): Promise<AccountReply<{ link: AccountLink; session: Session }>> => {
  const { db, serverUrl, userId, passphrase } = options;
  if (await readKeyring(db)) return err('vault-exists');
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const anonymous = serverClient(options.fetch, { serverUrl });
  const prelogin = await anonymous.call(ROUTES.prelogin, { body: { userId } });
  if (!prelogin.ok) return prelogin;
  const material = decodeMaterial(prelogin.value.kdf);
  if (!material) return err('bad-response');
  // Before anything is derived or sent: a cheap cost would make the verifier cheap to brute-force.
  const kdfCheck = checkKdfParams(material.kdf);
  if (kdfCheck !== 'ok') return err(kdfCheck);
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, material.kdf, material.format);
  const signing = newSigningPair(sodium);
  const signedIn = await anonymous.call(ROUTES.signIn, {
    body: { userId, authVerifier, signingKey: toBase64(signing.publicKey) },
  });
  if (!signedIn.ok) {
    wipe(kek);
    wipe(signing.secretKey);
    return signedIn.error === 'wrong-credentials' ? err('wrong-passphrase') : signedIn;
  }
  const { user } = signedIn.value;
  const opened = openAccountKeys(sodium, cipher, kek, user);
  if (!opened.ok) {
    wipe(kek);
    wipe(signing.secretKey);
    return opened;
  }
  const { userSecretKey, claim, finishesJoin } = opened.value;
  const link = linkFrom(serverUrl, signedIn.value);
  if (finishesJoin) {
    // The join's device left before the grant came: this one writes the box the join would have.
    const { inviteKeyBox: _done, ...joinedKeys } = user.keys;
    const keys: UserKeys = { ...joinedKeys, orgKeyBox: sealOrgKeyBox(cipher, kek, user.id, claim) };
    const stored = await serverClient(options.fetch, link).call(ROUTES.replaceKeys, {
      body: { authVerifier, keys },
    });
    if (!stored.ok) {
      wipe(kek);
      wipe(claim.orgKey);
      wipe(claim.pageKey?.key);
      wipe(userSecretKey);
      wipe(signing.secretKey);
      return stored;
    }
  }
  wipe(kek);
  // The box holds the page key of when it was sealed; the user's grants lead to the current one.
  const ring = await pageKeysFor(options.fetch, link, sodium, cipher, claim, {
    userId: user.id,
    publicKey: fromBase64(user.keys.publicKey),
    secretKey: userSecretKey,
  });
  if (!ring.ok) {
    wipe(claim.orgKey);
    wipe(userSecretKey);
    wipe(signing.secretKey);
    return ring;
  }
  const doc = keyringDoc(sodium, material, user, claim);
  const keys = openKeyringWithSecretKey(sodium, doc, userSecretKey);
  wipe(claim.orgKey);
  if (ring.value) await storePageKeys(db, sodium, keys.userPublicKey, ring.value);
  await db.vault.insert({ id: KEYRING_ID, payload: JSON.stringify(doc), updatedAt: Date.now() });
  await storeSigningPair(db, cipher, keys.userSecretKey, signing);
  wipe(signing.secretKey);
  // The admin device the passphrase box vouches for (the one that let this user in): its territory
  // grants are trusted here too.
  if (claim.adminSigner) await memberPins(db).trustSigner(claim.adminSigner);
  return ok({ link, session: new Session(db, cipher, keys, ring.value) });
};
