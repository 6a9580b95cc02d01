// Links the local vault to a sync server: the first admin creates the organisation from this keyring, and
// a new device signs in with user id and passphrase and rebuilds the same keyring from what the server
// keeps (all of it made and encrypted here; the server can decrypt none of it). Errors are values.
import { fromBase64, fromUtf8, toBase64, utf8, wipe } from '../crypto/bytes';
import { EnvelopeCipher, EnvelopeError } from '../crypto/envelope';
import { DEFAULT_KDF, newSalt, type KdfParams } from '../crypto/kdf';
import { loadSodium, type Sodium } from '../crypto/sodium';
import { err, ok, type Result } from '../platform/result';
import type { KluisDatabase } from '../store/database';
import {
  derivePassphraseKeys,
  kekAddress,
  KEYRING_FORMAT,
  KEYRING_ID,
  newId,
  openKeyringWithKek,
  openKeyringWithSecretKey,
  rewrapKeyring,
  WrongPassphraseError,
  type KeyringDoc,
  type UnlockedKeys,
} from '../vault/keyring';
import { Session } from '../vault/session';
import { deriveInviteSecrets, keyProof, openSealedOrgKey } from './invite';
import type { ErrorCode, MeResponse, Role, SignInResponse, UserKeys } from './protocol';

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
}

const encodeMaterial = (doc: KeyringDoc): string => {
  const material: KeyringMaterial = {
    format: doc.format,
    vaultId: doc.vaultId,
    orgKeyId: doc.orgKeyId,
    kdf: doc.kdf,
    createdAt: doc.createdAt,
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
      kdf?.algorithm !== 'argon2id13' ||
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
  try {
    // Proves the passphrase before anything reaches the server; the keys are not kept.
    const keys = openKeyringWithKek(sodium, cipher, doc, kek);
    wipe(keys.orgKey);
    wipe(keys.userSecretKey);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return err('wrong-passphrase');
    throw error;
  }
  const userKeys: UserKeys = {
    kdf: encodeMaterial(doc),
    publicKey: doc.userPublicKey,
    encryptedSecretKey: doc.wrappedUserSecretKey,
  };
  const created = await post<SignInResponse>(options.fetch, serverUrl, '/orgs', {
    orgId: doc.orgId,
    userId: options.userId ?? newId(),
    authVerifier,
    keys: userKeys,
    sealedOrgKey: doc.sealedOrgKey,
  });
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
  const { kek, authVerifier } = derivePassphraseKeys(sodium, passphrase, material.kdf, material.format);
  const signedIn = await post<SignInResponse>(options.fetch, serverUrl, '/auth/sign-in', {
    userId,
    authVerifier,
  });
  if (!signedIn.ok) {
    wipe(kek);
    return signedIn.error === 'wrong-credentials' ? err('wrong-passphrase') : signedIn;
  }
  const { user } = signedIn.value;
  if (user.sealedOrgKey === null) {
    wipe(kek);
    return err('awaiting-org-key');
  }
  let userSecretKey: Uint8Array;
  try {
    userSecretKey = cipher.openBytes(user.keys.encryptedSecretKey, kek, kekAddress);
  } catch (error) {
    if (error instanceof EnvelopeError) return err('wrong-passphrase');
    throw error;
  } finally {
    wipe(kek);
  }
  const built = buildKeyring(sodium, cipher, material, user, userSecretKey, null);
  if (!built.ok) return built;
  await db.vault.insert({ id: KEYRING_ID, payload: JSON.stringify(built.value.doc), updatedAt: Date.now() });
  return ok({
    link: linkFrom(serverUrl, signedIn.value),
    session: new Session(db, cipher, built.value.keys),
  });
};

/**
 * The local keyring from what the server keeps for the user. The organisation key arrives sealed to the
 * user's public key, as the key itself (first admin) or as an admin's grant (invited users, invite.ts);
 * locally it is always kept as the key itself, with the organisation key's id the grant names.
 */
const buildKeyring = (
  sodium: Sodium,
  cipher: EnvelopeCipher,
  material: KeyringMaterial,
  user: MeResponse,
  userSecretKey: Uint8Array,
  invite: { macKey: Uint8Array } | null,
): Result<{ doc: KeyringDoc; keys: UnlockedKeys }, AccountError> => {
  const publicKey = fromBase64(user.keys.publicKey);
  const opened = user.sealedOrgKey
    ? openSealedOrgKey(sodium, user.sealedOrgKey, publicKey, userSecretKey, material.orgKeyId)
    : null;
  if (!opened) {
    wipe(userSecretKey);
    return err(user.sealedOrgKey ? 'bad-response' : 'awaiting-org-key');
  }
  // The device that joined holds the invite key: the grant must come from the admin's device.
  if (invite && !opened.verify?.(invite.macKey, user.id)) {
    wipe(userSecretKey);
    wipe(opened.orgKey);
    return err('grant-not-verified');
  }
  const doc: KeyringDoc = {
    format: material.format,
    vaultId: material.vaultId,
    orgId: user.orgId,
    orgKeyId: opened.orgKeyId,
    kdf: material.kdf,
    userPublicKey: user.keys.publicKey,
    wrappedUserSecretKey: user.keys.encryptedSecretKey,
    sealedOrgKey: toBase64(sodium.crypto_box_seal(opened.orgKey, publicKey)),
    createdAt: material.createdAt,
  };
  const keys = openKeyringWithSecretKey(sodium, doc, userSecretKey);
  wipe(opened.orgKey);
  return ok({ doc, keys });
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

/**
 * A device that joined and registered its keys, waiting for an admin's device to seal the organisation
 * key to them. Holds the user's secret key in memory: `finish` or `discard` wipes it.
 */
export class PendingJoin {
  private secretKey: Uint8Array | null;
  private macKey: Uint8Array | null;

  constructor(
    readonly link: AccountLink,
    private readonly material: KeyringMaterial,
    secretKey: Uint8Array,
    macKey: Uint8Array,
  ) {
    this.secretKey = secretKey;
    this.macKey = macKey;
  }

  /**
   * Asks the server whether the key was sealed; once it is, checks the grant, creates the local vault and
   * returns its session. 'awaiting-org-key' means: ask again later.
   */
  async finish(fetch: Fetch, db: KluisDatabase): Promise<Reply<Session>> {
    if (!this.secretKey || !this.macKey) return err('no-vault');
    const me = await get<MeResponse>(fetch, this.link, '/auth/me');
    if (!me.ok) return me;
    if (me.value.sealedOrgKey === null) return err('awaiting-org-key');
    if (await readKeyring(db)) return err('vault-exists');
    const sodium = await loadSodium();
    const cipher = new EnvelopeCipher(sodium);
    const built = buildKeyring(sodium, cipher, this.material, me.value, this.secretKey.slice(), {
      macKey: this.macKey,
    });
    if (!built.ok) return built;
    await db.vault.insert({
      id: KEYRING_ID,
      payload: JSON.stringify(built.value.doc),
      updatedAt: Date.now(),
    });
    this.discard();
    return ok(new Session(db, cipher, built.value.keys));
  }

  discard(): void {
    wipe(this.secretKey ?? undefined);
    wipe(this.macKey ?? undefined);
    this.secretKey = null;
    this.macKey = null;
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
  let encryptedSecretKey: string;
  try {
    encryptedSecretKey = cipher.sealBytes(pair.privateKey, kek, kekAddress);
  } finally {
    wipe(kek);
  }
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
  const joined = await post<SignInResponse>(options.fetch, serverUrl, '/auth/join', {
    userId,
    inviteCode: joinSecret,
    authVerifier,
    keys: userKeys,
  });
  if (!joined.ok) {
    wipe(pair.privateKey);
    wipe(macKey);
    return joined.error === 'wrong-credentials' ? err('wrong-invite') : joined;
  }
  return ok(new PendingJoin(linkFrom(serverUrl, joined.value), material, pair.privateKey, macKey));
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
