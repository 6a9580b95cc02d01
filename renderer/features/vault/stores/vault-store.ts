// The vault's lifecycle in the renderer: open the store, create or unlock, load the directory, lock.
// The session and directory live here only while unlocked; locking closes the directory (writing its
// encrypted snapshot), wipes the keys and drops both.
import { useWorkspaceStore } from '../../../kit/workspace';
import { create } from 'zustand';
import { seedConsentDefaults } from '../../../../shared/consent';
import { Directory, SNAPSHOT_READ_AHEAD } from '../../../../shared/directory';
import { DEFAULT_KDF } from '../../../../shared/crypto';
import { seedRetentionDefaults } from '../../../../shared/retention';
import { setName } from '../../../../shared/sync';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import type { KeyStore } from '../../../../shared/platform';
import type { Progress } from '../../../../shared/store';
import type { KluisDatabase } from '../../../../shared/store';
import { PassphraseChangedError, WrongPassphraseError } from '../../../../shared/vault';
import type { Session } from '../../../../shared/vault';
import { Vault } from '../../../../shared/vault';
import { coolKdfWorker, deriveOffPage, kdfOffPage, warmKdfWorker } from '../worker/kdf-runner';

export type VaultPhase = 'starting' | 'new' | 'locked' | 'loading' | 'unlocked' | 'failed';

export interface VaultDependencies {
  readonly openDatabase: () => Promise<KluisDatabase>;
  readonly keyStore: KeyStore;
}

export type UnlockOutcome = 'unlocked' | 'wrong-passphrase' | 'passphrase-changed';

interface VaultState {
  phase: VaultPhase;
  vault: Vault | null;
  session: Session | null;
  directory: Directory | null;
  /** Decryption progress while the directory loads; null when there is nothing to count. */
  progress: Progress | null;
  /** True when the OS keychain holds this vault's key (Electron only). */
  remembered: boolean;
  keyStore: KeyStore | null;
  /**
   * Why the vault was locked, when the user should be told: the passphrase was changed on another device
   * (sync-store's account check), so the next unlock needs the new one.
   */
  lockReason: 'passphrase-changed' | null;
  start(deps: VaultDependencies): Promise<void>;
  /**
   * `names`: the owner's and this device's names, kept under the local ids until the vault connects to a
   * server (sync/stores/names.ts adopts them then).
   */
  create(passphrase: string, names?: { displayName: string; deviceName: string }): Promise<void>;
  unlock(passphrase: string): Promise<UnlockOutcome>;
  unlockWithKeychain(): Promise<boolean>;
  setRemembered(remember: boolean): Promise<boolean>;
  /** Opens a session made elsewhere, e.g. by signing in on a new device. */
  adopt(session: Session): Promise<void>;
  lock(reason?: 'passphrase-changed'): Promise<void>;
}

type PassphraseUnlockListener = (session: Session, passphrase: string) => void;
const passphraseUnlockListeners = new Set<PassphraseUnlockListener>();

/**
 * Called after each unlock with the passphrase, the one moment a device can re-seal what only the
 * passphrase opens (sync-store refreshes the account's passphrase box after a key rotation). Listeners
 * must not keep the passphrase beyond the work they start.
 */
export const onPassphraseUnlock = (listener: PassphraseUnlockListener): (() => void) => {
  passphraseUnlockListeners.add(listener);
  return () => passphraseUnlockListeners.delete(listener);
};

/** User Timing marks of an unlock's phases (DevTools' performance panel; bench/unlock.mjs reads them). */
const mark = (phase: 'keys' | 'directory'): void =>
  void globalThis.performance?.mark?.(`kluis:unlock:${phase}`);

/** Argon2id on the page blocks it for ~0.5 s: let the browser paint the progress indicator first. */
export const nextPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export const useVaultStore = create<VaultState>()((set, get) => {
  const open = async (session: Session): Promise<void> => {
    set({ phase: 'loading', session, progress: null });
    try {
      coolKdfWorker(); // unlocked: the worker started for the unlock screen is not needed
      const directory = await Directory.load(session, {
        onProgress: (progress) => get().session === session && set({ progress }),
      });
      mark('directory');
      if (get().session !== session) {
        // Locked while loading: the session's keys are already wiped.
        await directory.close();
        return;
      }
      set({ phase: 'unlocked', directory, progress: null });
    } catch (error) {
      if (get().session !== session) return; // locked while loading
      session.lock();
      set({ phase: 'failed', session: null, progress: null });
      throw error;
    }
  };

  return {
    phase: 'starting',
    vault: null,
    session: null,
    directory: null,
    progress: null,
    remembered: false,
    keyStore: null,
    lockReason: null,

    async start({ openDatabase, keyStore }) {
      if (get().vault || get().keyStore) return; // React StrictMode runs effects twice.
      set({ keyStore });
      // Most starts show the unlock screen: the KDF worker loads libsodium while the database opens.
      warmKdfWorker();
      try {
        const vault = await Vault.open(await openDatabase(), DEFAULT_KDF, {
          derive: deriveOffPage,
          readAhead: SNAPSHOT_READ_AHEAD,
        });
        const state = await vault.state();
        if (state !== 'locked') coolKdfWorker();
        set({ vault, phase: state });
        if (state === 'locked' && (await keyStore.status()).available) {
          const id = await vault.vaultId();
          const stored = id ? await keyStore.load(id) : null;
          if (stored?.ok && stored.value) {
            set({ remembered: true });
            await get().unlockWithKeychain();
          }
        }
      } catch (error) {
        coolKdfWorker();
        set({ phase: 'failed' });
        throw error;
      }
    },

    async create(passphrase, names) {
      const { vault } = get();
      if (!vault) throw new Error('The vault is not open yet');
      await nextPaint();
      const session = await vault.create(passphrase);
      // A new organisation starts with the default purposes register, list and controller stub (issue 5);
      // a device that joins an existing organisation gets the server's copy by sync instead.
      await seedConsentDefaults(session);
      await seedRetentionDefaults(session);
      for (const [of, name] of [
        ['user', names?.displayName],
        ['device', names?.deviceName],
      ] as const)
        if (name?.trim()) await setName(session, LOCAL_ACTOR, { of, id: 'local', name });
      await open(session);
    },

    async unlock(passphrase) {
      const { vault } = get();
      if (!vault) throw new Error('The vault is not open yet');
      // Off the page, Argon2id leaves it free to paint, and to read the list's snapshot (readAhead) meanwhile.
      if (!kdfOffPage()) await nextPaint();
      let session: Session;
      try {
        session = await vault.unlock(passphrase);
      } catch (error) {
        warmKdfWorker(); // for the next attempt
        if (error instanceof WrongPassphraseError) return 'wrong-passphrase';
        if (error instanceof PassphraseChangedError) return 'passphrase-changed';
        throw error;
      }
      mark('keys');
      set({ lockReason: null });
      await open(session);
      for (const listener of passphraseUnlockListeners) listener(session, passphrase);
      return 'unlocked';
    },

    async unlockWithKeychain() {
      const { vault, keyStore } = get();
      const id = await vault?.vaultId();
      if (!vault || !keyStore || !id) return false;
      const stored = await keyStore.load(id);
      if (!stored.ok || !stored.value) {
        set({ remembered: false });
        return false;
      }
      try {
        await open(await vault.unlockWithSecretKey(stored.value));
        return true;
      } catch (error) {
        if (!(error instanceof WrongPassphraseError)) throw error;
        // The stored key no longer opens this vault: forget it and ask for the passphrase.
        await keyStore.forget(id);
        set({ remembered: false, phase: 'locked' });
        return false;
      }
    },

    async setRemembered(remember) {
      const { session, keyStore } = get();
      if (!session || !keyStore) return false;
      const result = remember
        ? await keyStore.save(session.vaultId, session.exportUserSecretKey())
        : await keyStore.forget(session.vaultId);
      if (result.ok) set({ remembered: remember });
      return result.ok;
    },

    async adopt(session) {
      await open(session);
    },

    async lock(reason) {
      const { session, directory, phase } = get();
      if (phase !== 'unlocked' && phase !== 'loading') return;
      set({ phase: 'locked', session: null, directory: null, progress: null, lockReason: reason ?? null });
      warmKdfWorker();
      try {
        await directory?.close();
      } finally {
        session?.lock();
      }
    },
  };
});

// Every feature reads the unlocked workspace through the kit (renderer/kit/workspace.ts), never this store.
useVaultStore.subscribe(({ phase, session, directory }) => {
  const open = phase === 'unlocked' && session && directory ? { workspace: session, directory } : null;
  const current = useWorkspaceStore.getState();
  if (current.workspace !== (open?.workspace ?? null) || current.directory !== (open?.directory ?? null))
    useWorkspaceStore.setState({ workspace: open?.workspace ?? null, directory: open?.directory ?? null });
});
