// Where the unlock's Argon2id runs: in the KDF worker when the host can start module workers (the browser
// host and Electron), on the page's thread otherwise (unit tests under jsdom), or when the worker fails.
// The worker is started while the unlock screen shows (warmKdfWorker), so libsodium is loaded in it by
// the time the passphrase is entered; each derivation ends it, which frees its 128 MiB.
import { deriveKey, deriveThrough, loadSodium } from '../../../../shared/crypto';
import type { DeriveKey, KdfCost, KdfPort } from '../../../../shared/crypto';

interface KdfWorker {
  readonly worker: Worker;
  /** Rejects when the worker cannot load or fails: the derivation then runs on the page. */
  readonly failed: Promise<never>;
}

let warm: KdfWorker | null = null;

const startWorker = (): KdfWorker | null => {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module', name: 'kluis-kdf' });
  } catch {
    return null;
  }
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('message', (event: MessageEvent<{ ready?: boolean }>) => {
      if (event.data?.ready === false) reject(new Error('libsodium did not load in the KDF worker'));
    });
    worker.addEventListener('error', () => reject(new Error('The KDF worker failed')));
  });
  failed.catch(() => undefined);
  return { worker, failed };
};

/** True when derivations leave the page's thread (the page need not paint before one). */
export const kdfOffPage = (): boolean => typeof Worker !== 'undefined';

/** Starts the worker ahead of an unlock, so loading libsodium in it costs the unlock nothing. */
export const warmKdfWorker = (): void => {
  warm ??= startWorker();
};

/** Ends a worker started ahead (the vault was unlocked another way). */
export const coolKdfWorker = (): void => {
  warm?.worker.terminate();
  warm = null;
};

const onPage: DeriveKey = async (passphrase, salt, cost) =>
  deriveKey(await loadSodium(), passphrase, salt, cost);

/** Vault's DeriveKey for the app: in the worker, or on the page where no worker runs. */
export const deriveOffPage: DeriveKey = async (passphrase: string, salt: Uint8Array, cost: KdfCost) => {
  const running = warm ?? startWorker();
  warm = null;
  if (!running) return onPage(passphrase, salt, cost);
  try {
    const port = running.worker as unknown as KdfPort;
    return await Promise.race([deriveThrough(port, passphrase, salt, cost), running.failed]);
  } catch {
    return onPage(passphrase, salt, cost);
  } finally {
    running.worker.terminate();
  }
};
