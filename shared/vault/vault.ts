// The local vault: creates the organisation and keyring on first run, unlocks it with the passphrase or a
// key from the OS keychain, and re-wraps one key when the passphrase changes.
import { fromBase64, wipe } from '../crypto';
import { EnvelopeCipher } from '../crypto';
import { DEFAULT_KDF, deriveKey, type DeriveKey, type KdfCost } from '../crypto';
import { loadSodium, type Sodium } from '../crypto';
import type { KluisDatabase } from '../store';
import {
  createKeyring,
  KEYRING_ID,
  openKeyringWithKek,
  openKeyringWithSecretKey,
  passphraseKeysFrom,
  PassphraseChangedError,
  rewrapKeyring,
  WrongPassphraseError,
  type KeyringDoc,
  type UnlockedKeys,
} from './keyring';
import { newPageKey, PAGE_KEYS_ID, storePageKeys } from './page-keys';
import { Session } from './session';
import { TERRITORY_KEYS_ID } from './territory-keys';

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

export interface UnlockOptions {
  /** Runs the unlock's Argon2id: the app's runs it in a worker (renderer/features/vault/worker). Default: here. */
  readonly derive?: DeriveKey;
  /** Ids in the vault collection to read while it runs, e.g. the list's snapshot (shared/directory). */
  readonly readAhead?: readonly string[];
}

export class Vault {
  private constructor(
    readonly db: KluisDatabase,
    private readonly sodium: Sodium,
    private readonly cipher: EnvelopeCipher,
    private readonly kdf: KdfCost,
    private readonly unlocking: Required<UnlockOptions>,
  ) {}

  /** `kdf` is only lowered by tests; the app always uses the measured default. */
  static async open(
    db: KluisDatabase,
    kdf: KdfCost = DEFAULT_KDF,
    options: UnlockOptions = {},
  ): Promise<Vault> {
    const sodium = await loadSodium();
    const onThread: DeriveKey = (passphrase, salt, cost) =>
      Promise.resolve(deriveKey(sodium, passphrase, salt, cost));
    const unlocking = { derive: options.derive ?? onThread, readAhead: options.readAhead ?? [] };
    return new Vault(db, sodium, new EnvelopeCipher(sodium), kdf, unlocking);
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
    // While Argon2id runs (off this thread in the app), what the session and the list open with is read:
    // they then find it in RxDB's query cache.
    const ahead = [PAGE_KEYS_ID, TERRITORY_KEYS_ID, ...this.unlocking.readAhead];
    void Promise.all(ahead.map((id) => this.db.vault.findOne(id).exec())).catch(() => undefined);
    if (doc.replacement) {
      const { replacement, ...rest } = doc;
      const adopted: KeyringDoc = { ...rest, ...replacement };
      try {
        const keys = await this.openKeyring(adopted, passphrase);
        await this.db.vault.upsert({
          id: KEYRING_ID,
          payload: JSON.stringify(adopted),
          updatedAt: Date.now(),
        });
        return Session.open(this.db, this.cipher, keys);
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
      }
      const old = await this.openKeyring(doc, passphrase);
      wipe(old.orgKey);
      wipe(old.userSecretKey);
      throw new PassphraseChangedError();
    }
    const keys = await this.openKeyring(doc, passphrase);
    return Session.open(this.db, this.cipher, keys);
  }

  /** openKeyring (keyring.ts) with the Argon2id of `derive`. */
  private async openKeyring(doc: KeyringDoc, passphrase: string): Promise<UnlockedKeys> {
    const master = await this.unlocking.derive(passphrase, fromBase64(doc.kdf.salt), doc.kdf);
    const { kek } = passphraseKeysFrom(this.sodium, master, doc.format);
    return openKeyringWithKek(this.sodium, this.cipher, doc, kek);
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
