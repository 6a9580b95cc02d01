// KeyStore over Electron's safeStorage: an unlocked vault key kept encrypted by the OS keychain in
// <userData>/keystore/<vaultId>.bin. On Linux's `basic_text` backend it refuses (ARCHITECTURE.md, Keys).
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { KeyStore, KeyStoreError, KeyStoreStatus } from '../shared/platform';
import { err, ok } from '../shared/platform';
import type { Result } from '../shared/platform';
import { isVaultId } from './ipc-validate';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface SafeStorageKeyStoreOptions {
  /** Usually `<userData>/keystore`. Created with mode 0700 on first save. */
  readonly directory: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform: NodeJS.Platform;
}

// With these, safeStorage "encrypts" with a constant key compiled into Chromium: obfuscation, not secrecy.
const INSECURE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';

const fromBase64 = (text: string): Uint8Array | null => {
  const bytes = Buffer.from(text, 'base64');
  // Buffer.from ignores junk; a round trip proves the stored text was exactly what we wrote.
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null;
};

export const createSafeStorageKeyStore = (options: SafeStorageKeyStoreOptions): KeyStore => {
  const { directory, safeStorage, platform } = options;
  const fileFor = (vaultId: string): string => path.join(directory, `${vaultId}.bin`);

  const currentStatus = (): KeyStoreStatus => {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (INSECURE_LINUX_BACKENDS.has(backend)) return { available: false, reason: 'insecure-backend' };
      if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: 'unavailable' };
      return { available: true, backend };
    }
    if (!safeStorage.isEncryptionAvailable()) return { available: false, reason: 'unavailable' };
    return {
      available: true,
      backend: platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : platform,
    };
  };

  /** The refusal every operation that touches safeStorage returns first, or null when it may go on. */
  const refusal = (vaultId: string): Result<never, KeyStoreError> | null => {
    if (!isVaultId(vaultId)) return err('failed', 'invalid vault id');
    const status = currentStatus();
    return status.available ? null : err(status.reason);
  };

  return {
    status: async () => currentStatus(),

    save: async (vaultId, secret) => {
      const refused = refusal(vaultId);
      if (refused) return refused;
      const sealed = safeStorage.encryptString(Buffer.from(secret).toString('base64'));
      const target = fileFor(vaultId);
      const temp = `${target}.${randomUUID()}.tmp`;
      try {
        await mkdir(directory, { recursive: true, mode: 0o700 });
        // Temp file + rename: a crash mid-write leaves the old key or the new one, never half of one.
        const handle = await open(temp, 'wx', 0o600);
        try {
          await handle.writeFile(sealed);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
        return ok(undefined);
      } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        return err('failed', error instanceof Error ? error.message : undefined);
      }
    },

    load: async (vaultId) => {
      const refused = refusal(vaultId);
      if (refused) return refused;
      let sealed: Buffer;
      try {
        sealed = await readFile(fileFor(vaultId));
      } catch (error) {
        return isMissing(error) ? ok(null) : err('failed');
      }
      let text: string;
      try {
        text = safeStorage.decryptString(sealed);
      } catch {
        return err('corrupt');
      }
      const secret = fromBase64(text);
      return secret ? ok(secret) : err('corrupt');
    },

    // Deleting needs no keychain, so it also works when the backend is insecure or locked: a user who asks
    // to forget a key must not be left with the file on disk.
    forget: async (vaultId) => {
      if (!isVaultId(vaultId)) return err('failed', 'invalid vault id');
      try {
        await rm(fileFor(vaultId), { force: true });
        return ok(undefined);
      } catch {
        return err('failed');
      }
    },
  };
};
