// The local vault: creates the organisation and keyring on first run, unlocks it with the passphrase or a
// key from the OS keychain, and re-wraps one key when the passphrase changes.
import { wipe } from '../crypto';
import { EnvelopeCipher } from '../crypto';
import { DEFAULT_KDF, type KdfParams } from '../crypto';
import { loadSodium, type Sodium } from '../crypto';
import type { KluisDatabase } from '../store';
import {
  createKeyring,
  KEYRING_ID,
  openKeyring,
  openKeyringWithSecretKey,
  PassphraseChangedError,
  rewrapKeyring,
  WrongPassphraseError,
  type KeyringDoc,
} from './keyring';
import { newPageKey, storePageKeys } from './page-keys';
import { Session } from './session';

export const MIN_PASSPHRASE_LENGTH = 10;

export class PassphrasePolicyError extends Error {
  override readonly name = 'PassphrasePolicyError';
  constructor() {
    super(`A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
}

export class VaultStateError extends Error {
  override readonly name = 'VaultStateError';
}

export type VaultState = 'new' | 'locked';

type KdfCost = Pick<KdfParams, 'opsLimit' | 'memLimitBytes'>;

export class Vault {
  private constructor(
    readonly db: KluisDatabase,
    private readonly sodium: Sodium,
    private readonly cipher: EnvelopeCipher,
    private readonly kdf: KdfCost,
  ) {}

  /** `kdf` is only lowered by tests; the app always uses the measured default. */
  static async open(db: KluisDatabase, kdf: KdfCost = DEFAULT_KDF): Promise<Vault> {
    const sodium = await loadSodium();
    return new Vault(db, sodium, new EnvelopeCipher(sodium), kdf);
  }

  async state(): Promise<VaultState> {
    return (await this.keyring()) ? 'locked' : 'new';
  }

  /** The vault's id, which names it in the OS keychain; `null` before it is created. */
  async vaultId(): Promise<string | null> {
    return (await this.keyring())?.vaultId ?? null;
  }

  async create(passphrase: string): Promise<Session> {
    checkPolicy(passphrase);
    if (await this.keyring()) throw new VaultStateError('This device already has a vault');
    const { doc, keys } = createKeyring(this.sodium, this.cipher, passphrase, this.kdf);
    // The first page key (epoch 0) is kept before the keyring: a keyring never exists without it.
    const ring = { current: newPageKey(), older: [] };
    await storePageKeys(this.db, this.sodium, keys.userPublicKey, ring);
    await this.db.vault.insert({ id: KEYRING_ID, payload: JSON.stringify(doc), updatedAt: Date.now() });
    return new Session(this.db, this.cipher, keys, ring);
  }

  /**
   * Throws WrongPassphraseError, changing nothing, when the passphrase is not correct. After a passphrase
   * change on another device (KeyringDoc.replacement) only the new passphrase opens; the old one throws
   * PassphraseChangedError, so the user is told why rather than that it is wrong.
   */
  async unlock(passphrase: string): Promise<Session> {
    const doc = await this.requireKeyring();
    if (doc.replacement) {
      const { replacement, ...rest } = doc;
      const adopted: KeyringDoc = { ...rest, ...replacement };
      try {
        const keys = openKeyring(this.sodium, this.cipher, adopted, passphrase);
        await this.db.vault.upsert({
          id: KEYRING_ID,
          payload: JSON.stringify(adopted),
          updatedAt: Date.now(),
        });
        return Session.open(this.db, this.cipher, keys);
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
      }
      const old = openKeyring(this.sodium, this.cipher, doc, passphrase);
      wipe(old.orgKey);
      wipe(old.userSecretKey);
      throw new PassphraseChangedError();
    }
    const keys = openKeyring(this.sodium, this.cipher, doc, passphrase);
    return Session.open(this.db, this.cipher, keys);
  }

  async unlockWithSecretKey(userSecretKey: Uint8Array): Promise<Session> {
    const keys = openKeyringWithSecretKey(this.sodium, await this.requireKeyring(), userSecretKey);
    return Session.open(this.db, this.cipher, keys);
  }

  /** Re-wraps the user's key under the new passphrase; no record is re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    checkPolicy(next);
    const doc = rewrapKeyring(this.sodium, this.cipher, await this.requireKeyring(), current, next, this.kdf);
    await this.db.vault.upsert({ id: KEYRING_ID, payload: JSON.stringify(doc), updatedAt: Date.now() });
  }

  private async keyring(): Promise<KeyringDoc | null> {
    const doc = await this.db.vault.findOne(KEYRING_ID).exec();
    return doc ? (JSON.parse(doc.payload) as KeyringDoc) : null;
  }

  private async requireKeyring(): Promise<KeyringDoc> {
    const doc = await this.keyring();
    if (!doc) throw new VaultStateError('This device has no vault yet');
    return doc;
  }
}

export const checkPolicy = (passphrase: string): void => {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new PassphrasePolicyError();
};
