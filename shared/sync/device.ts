// This device's side of sync for hosts that hold a session or a vault, never its database: the sealed link
// to the server (device-local bookkeeping, not audited), the running client, the account steps that read
// or replace the local keyring, the admin's member pins, and the wipe of a revoked device's copy.
import type { Session } from '../vault';
import type { Vault } from '../vault';
import { connectVault, signInOnNewDevice, type ConnectOptions, type SignInOptions } from './account';
import {
  changeAccountPassphrase,
  checkAccountKeys,
  type ChangePassphraseOptions,
} from './account-passphrase';
import { joinOrganisation, type JoinOptions, type PendingJoin } from './join';
import { type Fetch } from './server-client';
import { type AccountLink } from './account-link';
import { memberPins, type MemberPins } from './member-pins';
import { SyncClient } from './replication';
import { signInAgain, type SignInAgainOptions } from './sign-in-again';
import { type SyncClientOptions } from './sync-status';

const LINK_ID = 'sync-link';
const linkAddress = (session: Session) => ({ collection: 'vault', id: LINK_ID, keyId: session.orgKeyId });

/** Keeps the link (server, user, device token) in the local `vault` collection, sealed with the org key. */
export const saveLink = async (session: Session, link: AccountLink): Promise<void> => {
  const payload = session.cipher.sealJson(link, session.orgKey, linkAddress(session));
  await session.db.vault.upsert({ id: LINK_ID, payload, updatedAt: Date.now() });
};

/** The link this vault was connected with, or null for a vault that was never linked (or not readable). */
export const loadLink = async (session: Session): Promise<AccountLink | null> => {
  const doc = await session.db.vault.findOne(LINK_ID).exec();
  if (!doc) return null;
  try {
    return session.cipher.openJson(doc.payload, session.orgKey, linkAddress(session)) as AccountLink;
  } catch {
    return null;
  }
};

/**
 * Signs this linked session's device in again with the passphrase once its token expired, and stores the
 * new link; the device keeps its id and replication state.
 */
export const signInSessionAgain = async (
  session: Session,
  options: Omit<SignInAgainOptions, 'signingKey'>,
): ReturnType<typeof signInAgain> => {
  const signer = await session.deviceSigner();
  const again = await signInAgain({ ...options, signingKey: signer.publicKey });
  if (again.ok) await saveLink(session, again.value);
  return again;
};

/** The sync client of an unlocked session. */
export const syncClientFor = (session: Session, options: Omit<SyncClientOptions, 'db'>): SyncClient =>
  new SyncClient({ ...options, db: session.db });

/** The public keys this (admin's) device pinned for members, and the members it removed. */
export const memberPinsOf = (session: Session): MemberPins => memberPins(session.db);

/** A revoked device deletes its whole local copy (the session must be locked first). */
export const wipeLocalCopy = async (session: Session): Promise<void> => {
  await session.db.remove();
};

/** "Connect this vault to a server" for the unlocked session. */
export const connectSession = (session: Session, options: Omit<ConnectOptions, 'db'>) =>
  connectVault({ ...options, db: session.db });

/** "Sign in on a new device" into this (empty) vault. */
export const signInToVault = (vault: Vault, options: Omit<SignInOptions, 'db'>) =>
  signInOnNewDevice({ ...options, db: vault.db });

/** Joins an organisation with an invite code into this (empty) vault. */
export const joinWithVault = (vault: Vault, options: Omit<JoinOptions, 'db'>) =>
  joinOrganisation({ ...options, db: vault.db });

/** Asks whether an admin's device sealed the key to a joining device; opens the vault when it did. */
export const finishJoin = (pending: PendingJoin, fetch: Fetch, vault: Vault) =>
  pending.finish(fetch, vault.db);

/** Changes the passphrase of a linked session's account (the server first, then this keyring). */
export const changeSessionPassphrase = (session: Session, options: Omit<ChangePassphraseOptions, 'db'>) =>
  changeAccountPassphrase({ ...options, db: session.db });

/** Whether the passphrase was changed on another device (account.ts checkAccountKeys). */
export const checkSessionKeys = async (session: Session, fetch: Fetch, link: AccountLink) => {
  const secretKey = session.exportUserSecretKey();
  try {
    return await checkAccountKeys(fetch, link, session.db, secretKey);
  } finally {
    secretKey.fill(0);
  }
};
