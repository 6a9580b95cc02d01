// Links the local vault to a sync server: the first admin creates the organisation from this keyring, and
// a new device signs in with user id and passphrase and rebuilds the same keyring from what the server
// keeps (all of it made and encrypted here; the server can decrypt none of it). Errors are values.
import { fromBase64, fromUtf8, toBase64, utf8, wipe } from '../crypto/bytes';
import { EnvelopeCipher, EnvelopeError } from '../crypto/envelope';
import { checkKdfParams, DEFAULT_KDF, newSalt, type KdfParams } from '../crypto/kdf';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { err, ok, type Result } from '../platform/result';
import type { KluisDatabase } from '../store/database';
import {
  derivePassphraseKeys,
  kekAddress,
  KEYRING_FORMAT,
  KEYRING_ID,
  openKeyringWithKek,
  openKeyringWithSecretKey,
  rewrapKeyring,
  WrongPassphraseError,
  type KeyringDoc,
  type UnlockedKeys,
} from '../vault/keyring';
import { newId } from '../crypto/ids';
import { loadSigningPair, storeSigningPair } from '../vault/device-signing';
import { newSigningPair, type SigningPair } from '../crypto/signing';
import { openOrgKeyBox, sealOrgKeyBox, type OrgKeyClaim } from '../vault/org-key-box';
import { loadPageKeys, storePageKeys, walkGrants, wipeRing } from '../vault/page-keys';
import { type PageKey, type PageKeyRing } from '../store/page-key-ring';
import { Session } from '../vault/session';
import { deriveInviteSecrets, keyProof, openSealedOrgKey } from './invite';
import type {
  ErrorCode,
  KeysResponse,
  MeResponse,
  ReplaceKeysRequest,
  Role,
  SignInResponse,
  UserKeys,
} from './protocol';

/** The account this device syncs as. The token is a bearer secret: keep it with the unlocked session. */
export interface AccountLink {
  readonly serverUrl: string;
  readonly userId: string;
  readonly orgId: string;
  readonly role: Role;
  readonly deviceId: string;
  readonly token: string;
  readonly expiresAt: number;
}

export type AccountError =
  | ErrorCode
  | 'offline'
  | 'no-vault'
  | 'vault-exists'
  | 'wrong-passphrase'
  | 'wrong-invite'
  | 'grant-not-verified'
  /** The server asked for an Argon2id cost below the floor compiled into this client. */
  | 'kdf-too-weak'
  /** The server's KDF parameters are not ones this client derives with (algorithm, salt, cost ceiling). */
  | 'kdf-unsupported'
  /** The organisation key the server handed over is not the one the user's passphrase vouches for. */
  | 'org-key-not-authenticated'
  /** The passphrase was changed on another device: this device needs the new one. */
  | 'passphrase-changed'
  /** The server's account keys are not ones the user's own devices made, or older than these: ignored. */
  | 'keys-not-authenticated'
  /**
   * A rotation stopped: the server lists a member with a public key other than the one this device
   * pinned for them (sync/member-pins.ts) — a server trying to receive the new page key.
   */
  | 'member-key-changed'
  | 'bad-response';

export type Fetch = typeof globalThis.fetch;

/**
 * What the server keeps in `keys.kdf` besides the Argon2id salt and cost: the ids a new device needs to
 * rebuild the same keyring. Base64 of JSON, opaque to the server.
 */
interface KeyringMaterial {
  readonly format: KeyringDoc['format'];
  readonly vaultId: string;
  readonly orgKeyId: string;
  readonly kdf: KdfParams;
  readonly createdAt: number;
  /** The account's passphrase-change count (KeyringDoc.accountVersion); absent means 0. */
  readonly version?: number;
}

const encodeMaterial = (doc: KeyringDoc): string => {
  const material: KeyringMaterial = {
    format: doc.format,
    vaultId: doc.vaultId,
    orgKeyId: doc.orgKeyId,
    kdf: doc.kdf,
    createdAt: doc.createdAt,
    version: doc.accountVersion ?? 0,
  };
  return toBase64(utf8(JSON.stringify(material)));
};

const decodeMaterial = (text: string): KeyringMaterial | null => {
  try {
    const value = JSON.parse(fromUtf8(fromBase64(text))) as Partial<KeyringMaterial>;
    const kdf = value.kdf;
    if (
      value.format !== 2 ||
      typeof value.vaultId !== 'string' ||
      typeof value.orgKeyId !== 'string' ||
      typeof value.createdAt !== 'number' ||
      typeof kdf?.algorithm !== 'string' ||
      typeof kdf.opsLimit !== 'number' ||
      typeof kdf.memLimitBytes !== 'number' ||
      typeof kdf.salt !== 'string'
    ) {
      return null;
    }
    return value as KeyringMaterial;
  } catch {
    return null;
  }
};

type Reply<T> = Result<T, AccountError>;

const post = async <T>(fetch: Fetch, serverUrl: string, path: string, body: unknown): Promise<Reply<T>> => {
  let response: Response;
  try {
    response = await fetch(`${serverUrl.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return err('offline');
  }
  return readReply<T>(response);
};

const readReply = async <T>(response: Response): Promise<Reply<T>> => {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return err('bad-response');
  }
  const reply = parsed as { ok?: boolean; value?: T; error?: ErrorCode };
  if (reply.ok === true && reply.value !== undefined) return ok(reply.value);
  return err(typeof reply.error === 'string' ? reply.error : 'bad-response');
};

const linkFrom = (serverUrl: string, session: SignInResponse): AccountLink => ({
  serverUrl,
  userId: session.user.id,
  orgId: session.user.orgId,
  role: session.user.role,
  deviceId: session.deviceId,
  token: session.token,
  expiresAt: session.expiresAt,
});

const readKeyring = async (db: KluisDatabase): Promise<KeyringDoc | null> => {
  const doc = await db.vault.findOne(KEYRING_ID).exec();
  return doc ? (JSON.parse(doc.payload) as KeyringDoc) : null;
};

export interface ConnectOptions {
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly db: KluisDatabase;
  readonly passphrase: string;
  /** The new admin's user id; random unless given. */
  readonly userId?: string;
}

/** "Connect this vault to a server": creates the organisation and its first admin from this keyring. */
export const connectVault = async (options: ConnectOptions): Promise<Reply<AccountLink>> => {
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
    orgKeyBox = sealOrgKeyBox(cipher, kek, userId, { ...keys, ...(ring ? { pageKey: ring.current } : {}) });
    signing = await loadSigningPair(db, cipher, keys.userSecretKey);
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
  const created = await post<SignInResponse>(options.fetch, serverUrl, '/orgs', {
    orgId: doc.orgId,
    userId,
    authVerifier,
    keys: userKeys,
    sealedOrgKey: doc.sealedOrgKey,
    signingKey: toBase64(signing.publicKey),
    // The server records the first page key's id as key epoch 0; a vault from before page keys has none.
    ...(ring ? { pageKeyId: ring.current.id } : {}),
  });
  wipe(signing.secretKey);
  return created.ok ? ok(linkFrom(serverUrl, created.value)) : created;
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
): Promise<Reply<{ link: AccountLink; session: Session }>> => {
  const { db, serverUrl, userId, passphrase } = options;
  if (await readKeyring(db)) return err('vault-exists');
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const prelogin = await post<{ kdf: string }>(options.fetch, serverUrl, '/auth/prelogin', { userId });
  if (!prelogin.ok) return prelogin;
  const material = decodeMaterial(prelogin.value.kdf);
  if (!material) return err('bad-response');
  // Before anything is derived or sent: a cheap cost would make the verifier cheap to brute-force.
  const kdfCheck = checkKdfParams(material.kdf);
  if (kdfCheck !== 'ok') return err(kdfCheck);
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, material.kdf, material.format);
  const signing = newSigningPair(sodium);
  const signedIn = await post<SignInResponse>(options.fetch, serverUrl, '/auth/sign-in', {
    userId,
    authVerifier,
    signingKey: toBase64(signing.publicKey),
  });
  if (!signedIn.ok) {
    wipe(kek);
    wipe(signing.secretKey);
    return signedIn.error === 'wrong-credentials' ? err('wrong-passphrase') : signedIn;
  }
  const { user } = signedIn.value;
  const opened = openAccountKeys(sodium, cipher, kek, user);
  wipe(kek);
  if (!opened.ok) {
    wipe(signing.secretKey);
    return opened;
  }
  const { userSecretKey, claim } = opened.value;
  const link = linkFrom(serverUrl, signedIn.value);
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
  return ok({ link, session: new Session(db, cipher, keys, ring.value) });
};

/** GET /keys: the organisation's key epochs, this user's grants, and what waits for a rotation. */
export const fetchKeys = (fetch: Fetch, link: Pick<AccountLink, 'serverUrl' | 'token'>) =>
  get<KeysResponse>(fetch, link, '/keys');

/**
 * The page-key ring a new device starts with: from the page key the user's passphrase box vouches for
 * (or, for an organisation from before page keys, the organisation key), forward through the user's
 * grants. Keys of epochs that are not finished yet stay in the ring, for the pages still under them.
 * Null: the organisation has no page keys yet.
 */
const pageKeysFor = async (
  fetch: Fetch,
  link: AccountLink,
  sodium: Sodium,
  cipher: EnvelopeCipher,
  claim: OrgKeyClaim,
  user: { userId: string; publicKey: Uint8Array; secretKey: Uint8Array },
): Promise<Reply<PageKeyRing | null>> => {
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
 * Opens what the server keeps for the user with the key-encryption key, trusting nothing the passphrase
 * does not vouch for: the secret key must open (AEAD under the KEK) and belong to the public key; the
 * organisation key comes from the KEK-sealed box, and a sealed key that opens to anything else is a
 * substitution, refused. Wipes nothing it was given.
 */
const openAccountKeys = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  kek: Uint8Array,
  user: MeResponse,
): Reply<{ userSecretKey: Uint8Array; claim: OrgKeyClaim }> => {
  let userSecretKey: Uint8Array;
  try {
    userSecretKey = cipher.openBytes(user.keys.encryptedSecretKey, kek, kekAddress);
  } catch (error) {
    if (error instanceof EnvelopeError) return err('wrong-passphrase');
    throw error;
  }
  const refuse = (claim?: OrgKeyClaim): Reply<never> => {
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
    return refuse();
  }
  const claim = openOrgKeyBox(cipher, kek, user.id, user.keys.orgKeyBox);
  if (!claim || claim.orgId !== user.orgId) return refuse(claim ?? undefined);
  if (user.sealedOrgKey !== null) {
    const sealed = openSealedOrgKey(sodium, user.sealedOrgKey, publicKey, userSecretKey, claim.orgKeyId);
    const same = sealed !== null && sodium.memcmp(sealed.orgKey, claim.orgKey);
    wipe(sealed?.orgKey);
    if (!same) return refuse(claim);
  }
  return ok({ userSecretKey, claim });
};

/** The local keyring of a device that received its keys from the server: the key itself, kept sealed. */
const keyringDoc = (
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
const accountKeysMac = (
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

export interface JoinOptions {
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly db: KluisDatabase;
  readonly userId: string;
  readonly inviteCode: string;
  /** The newcomer's new passphrase: it protects their keys on every device. */
  readonly passphrase: string;
  /** Only lowered by tests. */
  readonly kdf?: Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>;
}

/** What a joining device holds in memory until the grant arrives; `PendingJoin.discard` wipes it. */
interface JoinSecrets {
  secretKey: Uint8Array;
  macKey: Uint8Array;
  kek: Uint8Array;
  signing: SigningPair;
}

/**
 * A device that joined and registered its keys, waiting for an admin's device to seal the organisation
 * key to them. Holds the user's secret key in memory: `finish` or `discard` wipes it.
 */
export class PendingJoin {
  private secrets: JoinSecrets | null;

  constructor(
    readonly link: AccountLink,
    private readonly material: KeyringMaterial,
    private readonly userKeys: UserKeys,
    private readonly authVerifier: string,
    secrets: JoinSecrets,
  ) {
    this.secrets = secrets;
  }

  /**
   * Asks the server whether the key was sealed; once it is, checks the grant (the invite key's MAC and the
   * granting device's signature), leaves the organisation key on the server sealed with the passphrase's
   * key (so the user's next devices can trust it), creates the local vault and returns its session.
   * 'awaiting-org-key' means: ask again later.
   */
  async finish(fetch: Fetch, db: KluisDatabase): Promise<Reply<Session>> {
    const secrets = this.secrets;
    if (!secrets) return err('no-vault');
    const me = await get<MeResponse>(fetch, this.link, '/auth/me');
    if (!me.ok) return me;
    if (me.value.sealedOrgKey === null) return err('awaiting-org-key');
    if (await readKeyring(db)) return err('vault-exists');
    const sodium = await loadSodium();
    const cipher = new EnvelopeCipher(sodium);
    const publicKey = fromBase64(this.userKeys.publicKey);
    const opened = openSealedOrgKey(sodium, me.value.sealedOrgKey, publicKey, secrets.secretKey, '');
    // The device that joined holds the invite key: the grant must come from the admin's device.
    if (!opened?.verify?.(secrets.macKey, this.link.userId)) {
      wipe(opened?.orgKey);
      return err('grant-not-verified');
    }
    const pageKey = opened.unlockPageKey?.(cipher, secrets.macKey) ?? undefined;
    if (opened.unlockPageKey && !pageKey) {
      wipe(opened.orgKey);
      return err('grant-not-verified');
    }
    const claim: OrgKeyClaim = {
      orgId: this.link.orgId,
      orgKeyId: opened.orgKeyId,
      orgKey: opened.orgKey,
      ...(pageKey ? { pageKey } : {}),
    };
    let ring: PageKeyRing | null = null;
    try {
      const keys: UserKeys = {
        ...this.userKeys,
        orgKeyBox: sealOrgKeyBox(cipher, secrets.kek, this.link.userId, claim),
      };
      const stored = await send<{ id: string }>(fetch, this.link, 'POST', '/auth/keys', {
        authVerifier: this.authVerifier,
        keys,
      } satisfies ReplaceKeysRequest);
      if (!stored.ok) return stored;
      // A rotation may have happened since the grant: the user's grants lead on from its page key.
      const walked = await pageKeysFor(fetch, this.link, sodium, cipher, claim, {
        userId: this.link.userId,
        publicKey,
        secretKey: secrets.secretKey,
      });
      if (!walked.ok) return walked;
      ring = walked.value;
      const material: KeyringMaterial = { ...this.material, orgKeyId: claim.orgKeyId };
      const user: MeResponse = { ...me.value, keys };
      const doc = keyringDoc(sodium, material, user, claim);
      if (ring) await storePageKeys(db, sodium, publicKey, ring);
      await db.vault.insert({ id: KEYRING_ID, payload: JSON.stringify(doc), updatedAt: Date.now() });
      const unlocked = openKeyringWithSecretKey(sodium, doc, secrets.secretKey.slice());
      await storeSigningPair(db, cipher, unlocked.userSecretKey, secrets.signing);
      this.discard();
      const session = new Session(db, cipher, unlocked, ring);
      ring = null;
      return ok(session);
    } finally {
      wipe(claim.orgKey);
      wipe(claim.pageKey?.key);
      wipeRing(ring);
    }
  }

  discard(): void {
    const secrets = this.secrets;
    this.secrets = null;
    if (!secrets) return;
    wipe(secrets.secretKey);
    wipe(secrets.macKey);
    wipe(secrets.kek);
    wipe(secrets.signing.secretKey);
  }
}

/**
 * "Join an organisation": the newcomer's device makes the user's key pair, wraps the secret key with the
 * passphrase, and registers the keys with the one-time invite code (only a value derived from it reaches
 * the server). The organisation key follows when an admin's device has sealed it (PendingJoin.finish).
 */
export const joinOrganisation = async (options: JoinOptions): Promise<Reply<PendingJoin>> => {
  const { db, serverUrl, userId, passphrase } = options;
  if (await readKeyring(db)) return err('vault-exists');
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  const { joinSecret, macKey } = deriveInviteSecrets(sodium, options.inviteCode);
  const pair = sodium.crypto_box_keypair();
  const kdf: KdfParams = {
    algorithm: 'argon2id13',
    ...(options.kdf ?? DEFAULT_KDF),
    salt: toBase64(newSalt()),
  };
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, kdf, KEYRING_FORMAT);
  const encryptedSecretKey = cipher.sealBytes(pair.privateKey, kek, kekAddress);
  const material: KeyringMaterial = {
    format: KEYRING_FORMAT,
    vaultId: newId(),
    // The organisation key's id arrives with the admin's grant.
    orgKeyId: '',
    kdf,
    createdAt: Date.now(),
  };
  const publicKey = toBase64(pair.publicKey);
  const userKeys: UserKeys = {
    kdf: toBase64(utf8(JSON.stringify(material))),
    publicKey,
    encryptedSecretKey,
    keyProof: keyProof(sodium, macKey, userId, publicKey),
  };
  const signing = newSigningPair(sodium);
  const joined = await post<SignInResponse>(options.fetch, serverUrl, '/auth/join', {
    userId,
    inviteCode: joinSecret,
    authVerifier,
    keys: userKeys,
    signingKey: toBase64(signing.publicKey),
  });
  if (!joined.ok) {
    wipe(pair.privateKey);
    wipe(macKey);
    wipe(kek);
    wipe(signing.secretKey);
    return joined.error === 'wrong-credentials' ? err('wrong-invite') : joined;
  }
  return ok(
    new PendingJoin(linkFrom(serverUrl, joined.value), material, userKeys, authVerifier, {
      secretKey: pair.privateKey,
      macKey,
      kek,
      signing,
    }),
  );
};

const get = async <T>(
  fetch: Fetch,
  link: Pick<AccountLink, 'serverUrl' | 'token'>,
  path: string,
): Promise<Reply<T>> => {
  let response: Response;
  try {
    response = await fetch(`${link.serverUrl.replace(/\/+$/, '')}${path}`, {
      headers: { authorization: `Bearer ${link.token}` },
    });
  } catch {
    return err('offline');
  }
  return readReply<T>(response);
};

/** An authenticated request with a JSON body; errors are values ('offline', the server's code). */
export const send = async <T>(
  fetch: Fetch,
  link: Pick<AccountLink, 'serverUrl' | 'token'>,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<Reply<T>> => {
  let response: Response;
  try {
    response = await fetch(`${link.serverUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return err('offline');
  }
  return readReply<T>(response);
};

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
export const changeAccountPassphrase = async (options: ChangePassphraseOptions): Promise<Reply<void>> => {
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
      }),
      keysMac: accountKeysMac(sodium, keys.userSecretKey, material, next.wrappedUserSecretKey),
    };
  } finally {
    wipe(fresh.kek);
    wipe(keys.orgKey);
    wipe(keys.userSecretKey);
    wipeRing(ring);
  }
  const replaced = await send<{ id: string }>(options.fetch, link, 'POST', '/auth/keys', {
    authVerifier: old.authVerifier,
    newAuthVerifier: fresh.authVerifier,
    keys: userKeys,
  } satisfies ReplaceKeysRequest);
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
): Promise<Reply<'current' | 'passphrase-changed'>> => {
  const doc = await readKeyring(db);
  if (!doc) return err('no-vault');
  const me = await get<MeResponse>(fetch, link, '/auth/me');
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
}): Promise<Reply<boolean>> => {
  const { session, link } = options;
  const current = session.epochPageKey;
  if (!current) return ok(false);
  const marker = await session.db.vault.findOne(BOX_PAGE_KEY_ID).exec();
  if (marker?.payload === current.id) return ok(false);
  const doc = await readKeyring(session.db);
  if (!doc || doc.format !== 2) return err('no-vault');
  const me = await get<MeResponse>(options.fetch, link, '/auth/me');
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
        }),
      };
      const stored = await send<{ id: string }>(options.fetch, link, 'POST', '/auth/keys', {
        authVerifier,
        keys,
      } satisfies ReplaceKeysRequest);
      if (!stored.ok) return stored;
    }
    await session.db.vault.upsert({ id: BOX_PAGE_KEY_ID, payload: current.id, updatedAt: Date.now() });
    return ok(behind);
  } finally {
    wipe(kek);
  }
};
