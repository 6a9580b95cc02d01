// The account a linked device syncs as, the errors the account steps answer, and the keyring material the
// server keeps for the user's next device (made and encrypted here, opaque to the server).
import { fromBase64, fromUtf8, toBase64, utf8, type KdfParams } from '../crypto';
import type { Result } from '../platform';
import type { KluisDatabase } from '../store';
import { KEYRING_ID, type KeyringDoc } from '../vault';
import type { ErrorCode, Role } from './protocol';
import type { SignInResponse } from './protocol-accounts';

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
  /** The server presented another certificate than the pinned one: nothing was sent to it. */
  | 'certificate-mismatch'
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

/**
 * What the server keeps in `keys.kdf` besides the Argon2id salt and cost: the ids a new device needs to
 * rebuild the same keyring. Base64 of JSON, opaque to the server.
 */
export interface KeyringMaterial {
  readonly format: KeyringDoc['format'];
  readonly vaultId: string;
  readonly orgKeyId: string;
  readonly kdf: KdfParams;
  readonly createdAt: number;
  /** The account's passphrase-change count (KeyringDoc.accountVersion); absent means 0. */
  readonly version?: number;
}

export const encodeMaterial = (doc: KeyringDoc): string => {
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

export const decodeMaterial = (text: string): KeyringMaterial | null => {
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

export const linkFrom = (serverUrl: string, session: SignInResponse): AccountLink => ({
  serverUrl,
  userId: session.user.id,
  orgId: session.user.orgId,
  role: session.user.role,
  deviceId: session.deviceId,
  token: session.token,
  expiresAt: session.expiresAt,
});

export const readKeyring = async (db: KluisDatabase): Promise<KeyringDoc | null> => {
  const doc = await db.vault.findOne(KEYRING_ID).exec();
  return doc ? (JSON.parse(doc.payload) as KeyringDoc) : null;
};

/** What an account step answers: its value, or why not (and, after a back-off, how long to wait). */
export type AccountReply<T> = Result<T, AccountError> & { readonly retryAfterSeconds?: number };
