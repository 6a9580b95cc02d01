// Joining an organisation with an invite code: the newcomer's device makes the user's keys and registers
// them; once an admin's device sealed the organisation key to them, the grant is checked and the local
// vault made (PendingJoin.finish).
import {
  fromBase64,
  toBase64,
  utf8,
  wipe,
  EnvelopeCipher,
  newId,
  DEFAULT_KDF,
  newSalt,
  type KdfParams,
  newSigningPair,
  type SigningPair,
  loadSodium,
} from '../crypto';
import { err, ok } from '../platform';
import type { KluisDatabase, PageKeyRing } from '../store';
import {
  storeSigningPair,
  derivePassphraseKeys,
  kekAddress,
  KEYRING_FORMAT,
  KEYRING_ID,
  openKeyringWithSecretKey,
  sealOrgKeyBox,
  storePageKeys,
  wipeRing,
  Session,
} from '../vault';
import {
  linkFrom,
  readKeyring,
  type AccountLink,
  type AccountReply,
  type KeyringMaterial,
} from './account-link';
import { claimFromGrant, keyringDoc, pageKeysFor } from './account-keys';
import { deriveInviteSecrets, keyProof, readInvite, sealInviteKey } from './invite';
import { memberPins } from './member-pins';
import type { MeResponse, UserKeys } from './protocol-accounts';
import { ROUTES } from './server-routes';
import { serverClient, type Fetch } from './server-client';

export interface JoinOptions {
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly db: KluisDatabase;
  readonly userId: string;
  /** As the admin's device shows it: the code, with the server certificate's fingerprint if any. */
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
  async finish(fetch: Fetch, db: KluisDatabase): Promise<AccountReply<Session>> {
    const secrets = this.secrets;
    if (!secrets) return err('no-vault');
    const me = await serverClient(fetch, this.link).call(ROUTES.me);
    if (!me.ok) return me;
    if (me.value.sealedOrgKey === null) return err('awaiting-org-key');
    if (await readKeyring(db)) return err('vault-exists');
    const sodium = await loadSodium();
    const cipher = new EnvelopeCipher(sodium);
    const publicKey = fromBase64(this.userKeys.publicKey);
    // The device that joined holds the invite key: the grant must come from the admin's device.
    const claim = claimFromGrant(
      sodium,
      cipher,
      me.value.sealedOrgKey,
      { userId: this.link.userId, orgId: this.link.orgId, publicKey, secretKey: secrets.secretKey },
      secrets.macKey,
    );
    if (!claim) return err('grant-not-verified');
    let ring: PageKeyRing | null = null;
    try {
      // The box now vouches for the key: the invite key it was checked with is no longer kept.
      const { inviteKeyBox: _done, ...joinedKeys } = this.userKeys;
      const keys: UserKeys = {
        ...joinedKeys,
        orgKeyBox: sealOrgKeyBox(cipher, secrets.kek, this.link.userId, claim),
      };
      const stored = await serverClient(fetch, this.link).call(ROUTES.replaceKeys, {
        body: { authVerifier: this.authVerifier, keys },
      });
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
      // The device that let this user in, as the invite code proved: its territory grants are trusted.
      if (claim.adminSigner) await memberPins(db).trustSigner(claim.adminSigner);
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
export const joinOrganisation = async (options: JoinOptions): Promise<AccountReply<PendingJoin>> => {
  const { db, serverUrl, userId, passphrase } = options;
  if (await readKeyring(db)) return err('vault-exists');
  const invite = readInvite(options.inviteCode);
  if (!invite) return err('wrong-invite');
  const sodium = await loadSodium();
  const cipher = new EnvelopeCipher(sodium);
  // Only the code makes the secrets: the fingerprint is for the device to pin (the admin derived the same).
  const { joinSecret, macKey } = deriveInviteSecrets(sodium, invite.code);
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
    // Should this device be gone before the grant arrives, signing in with the passphrase finishes the join.
    inviteKeyBox: sealInviteKey(cipher, kek, userId, macKey),
  };
  const signing = newSigningPair(sodium);
  const joined = await serverClient(options.fetch, { serverUrl }).call(ROUTES.join, {
    body: {
      userId,
      inviteCode: joinSecret,
      authVerifier,
      keys: userKeys,
      signingKey: toBase64(signing.publicKey),
    },
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
