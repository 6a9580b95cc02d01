// The unlock's Argon2id across a message channel (issue 18), as the app runs it in its KDF worker: the key
// that comes back is the one the page derives itself (real libsodium at both ends), and a vault whose
// unlock derives through the channel opens, and refuses a wrong passphrase, exactly as on the page.
import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { deriveKey, deriveThrough, loadSodium, newSalt, serveKdf, TEST_KDF } from '../../../../shared/crypto';
import { KdfChannelError, type DeriveKey, type KdfPort } from '../../../../shared/crypto';
import { Vault, WrongPassphraseError } from '../../../../shared/vault';
import { annelies } from '../../../fixtures/people';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';

const newDatabase = useMemoryDatabases();
const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

/** The worker's end served on one side of a channel, the page's end on the other. */
const channel = (): KdfPort => {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveKdf(port2 as unknown as KdfPort, loadSodium());
  return port1 as unknown as KdfPort;
};

const throughChannel = (port: KdfPort): DeriveKey => {
  const calls: number[] = [];
  const derive: DeriveKey = (passphrase, salt, cost) => {
    calls.push(cost.opsLimit);
    return deriveThrough(port, passphrase, salt, cost);
  };
  return Object.assign(derive, { calls });
};

describe('Argon2id through the KDF channel', () => {
  it('gives the same key as the page derives', async () => {
    const sodium = await loadSodium();
    const port = channel();
    const salt = newSalt();
    const onPage = deriveKey(sodium, PASSPHRASE, salt, TEST_KDF);
    const [first, second] = await Promise.all([
      deriveThrough(port, PASSPHRASE, salt, TEST_KDF),
      deriveThrough(port, 'another passphrase', salt, TEST_KDF),
    ]);
    expect(first).toEqual(onPage);
    expect(first).toHaveLength(32);
    expect(second).toEqual(deriveKey(sodium, 'another passphrase', salt, TEST_KDF));
    expect(second).not.toEqual(first);
  });

  it('rejects a request the worker cannot derive, rather than answering with a key', async () => {
    const port = channel();
    await expect(deriveThrough(port, PASSPHRASE, newSalt().subarray(0, 3), TEST_KDF)).rejects.toBeInstanceOf(
      KdfChannelError,
    );
  });

  it('unlocks a vault with the key derived through the channel, and refuses a wrong passphrase', async () => {
    const db = await newDatabase();
    const created = await (await testVault(db)).create(PASSPHRASE);
    const { id } = await created.people.create(annelies);
    created.lock();

    const derive = throughChannel(channel()) as DeriveKey & { calls: number[] };
    const vault = await Vault.open(db, TEST_KDF, { derive });
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const session = await vault.unlock(PASSPHRASE);
    expect((await session.people.get(id)).data.givenName).toBe('Annelies');
    expect(derive.calls).toEqual([TEST_KDF.opsLimit, TEST_KDF.opsLimit]);
    session.lock();
  });
});
