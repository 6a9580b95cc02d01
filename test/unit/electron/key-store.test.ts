import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageKeyStore } from '../../../electron/key-store';
import type { SafeStorageLike } from '../../../electron/key-store';

// Reversible stand-in for the OS keychain: a marker plus the reversed bytes; anything without the marker
// "fails to decrypt" the way safeStorage throws on foreign data.
const MARKER = 'sealed:';
const fakeSafeStorage = (backend = 'gnome_libsecret', available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
  encryptString: (text) => Buffer.concat([Buffer.from(MARKER), Buffer.from(text).reverse()]),
  decryptString: (data) => {
    if (!data.subarray(0, MARKER.length).equals(Buffer.from(MARKER)))
      throw new Error('Error while decrypting');
    return Buffer.from(data.subarray(MARKER.length)).reverse().toString();
  },
});

let directory: string;
const secret = new Uint8Array(Array.from({ length: 32 }, (_, i) => (i * 37) % 256));

beforeEach(async () => {
  directory = path.join(await mkdtemp(path.join(tmpdir(), 'kluis-keystore-')), 'keystore');
});

afterEach(async () => {
  await rm(path.dirname(directory), { recursive: true, force: true });
});

const store = (safeStorage = fakeSafeStorage(), platform: NodeJS.Platform = 'linux') =>
  createSafeStorageKeyStore({ directory, safeStorage, platform });

describe('safeStorage key store', () => {
  it('round-trips a secret through the keychain and a file in <userData>/keystore', async () => {
    const keyStore = store();
    expect(await keyStore.status()).toEqual({ available: true, backend: 'gnome_libsecret' });
    expect(await keyStore.save('vault-1', secret)).toEqual({ ok: true, value: undefined });
    const loaded = await keyStore.load('vault-1');
    expect(loaded).toEqual({ ok: true, value: secret });
  });

  it('never writes the secret in the clear, and leaves the file readable by the user only', async () => {
    await store().save('vault-1', secret);
    const file = path.join(directory, 'vault-1.bin');
    const onDisk = await readFile(file);
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    expect(onDisk.toString().includes(Buffer.from(secret).toString('base64'))).toBe(false);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    // The atomic write leaves no temp file behind.
    expect(await readdir(directory)).toEqual(['vault-1.bin']);
  });

  it('replaces an earlier secret for the same vault', async () => {
    const keyStore = store();
    await keyStore.save('vault-1', secret);
    await keyStore.save('vault-1', new Uint8Array([9, 9, 9]));
    expect(await keyStore.load('vault-1')).toEqual({ ok: true, value: new Uint8Array([9, 9, 9]) });
  });

  it.each(['basic_text', 'unknown'])(
    'refuses every keychain operation on Linux’s %s backend',
    async (backend) => {
      const keyStore = store(fakeSafeStorage(backend));
      expect(await keyStore.status()).toEqual({ available: false, reason: 'insecure-backend' });
      expect(await keyStore.save('vault-1', secret)).toMatchObject({ ok: false, error: 'insecure-backend' });
      expect(await keyStore.load('vault-1')).toMatchObject({ ok: false, error: 'insecure-backend' });
      await expect(readdir(directory)).rejects.toThrow();
    },
  );

  it('still forgets a stored key when the backend has become insecure', async () => {
    await store().save('vault-1', secret);
    expect(await store(fakeSafeStorage('basic_text')).forget('vault-1')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await readdir(directory)).toEqual([]);
  });

  it('reports unavailable when the OS refuses encryption', async () => {
    const keyStore = store(fakeSafeStorage('gnome_libsecret', false));
    expect(await keyStore.status()).toEqual({ available: false, reason: 'unavailable' });
    expect(await keyStore.save('vault-1', secret)).toMatchObject({ ok: false, error: 'unavailable' });
  });

  it('accepts any backend name off Linux', async () => {
    expect(await store(fakeSafeStorage('basic_text'), 'darwin').status()).toEqual({
      available: true,
      backend: 'keychain',
    });
  });

  it('loads null when nothing is stored', async () => {
    expect(await store().load('vault-1')).toEqual({ ok: true, value: null });
  });

  it('reports corrupt for a damaged file', async () => {
    const keyStore = store();
    await keyStore.save('vault-1', secret);
    const file = path.join(directory, 'vault-1.bin');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(3));
    expect(await keyStore.load('vault-1')).toMatchObject({ ok: false, error: 'corrupt' });
  });

  it('reports corrupt when the decrypted text is not what was written', async () => {
    const keyStore = store();
    await keyStore.save('vault-1', secret);
    await writeFile(
      path.join(directory, 'vault-1.bin'),
      Buffer.concat([Buffer.from(MARKER), Buffer.from('!!*')]),
    );
    expect(await keyStore.load('vault-1')).toMatchObject({ ok: false, error: 'corrupt' });
  });

  it('forgets a key, and forgetting twice is fine', async () => {
    const keyStore = store();
    await keyStore.save('vault-1', secret);
    expect(await keyStore.forget('vault-1')).toEqual({ ok: true, value: undefined });
    expect(await keyStore.load('vault-1')).toEqual({ ok: true, value: null });
    expect(await keyStore.forget('vault-1')).toEqual({ ok: true, value: undefined });
  });

  it.each(['../escape', 'a/b', '', 'x'.repeat(65)])('refuses the vault id %j', async (vaultId) => {
    const keyStore = store();
    expect(await keyStore.save(vaultId, secret)).toMatchObject({ ok: false, error: 'failed' });
    expect(await keyStore.load(vaultId)).toMatchObject({ ok: false, error: 'failed' });
    expect(await keyStore.forget(vaultId)).toMatchObject({ ok: false, error: 'failed' });
  });
});
