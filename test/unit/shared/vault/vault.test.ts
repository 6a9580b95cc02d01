import { describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../../../../shared/vault/keyring';
import { PassphrasePolicyError, VaultStateError } from '../../../../shared/vault/vault';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { annelies } from '../../../fixtures/people';
import { useMemoryDatabases } from '../../../helpers/vaults';

const newDatabase = useMemoryDatabases();
const newVault = async () => testVault(await newDatabase());

describe('vault', () => {
  it('is new on first run and locked once created', async () => {
    const vault = await newVault();
    expect(await vault.state()).toBe('new');
    await vault.create(PASSPHRASE);
    expect(await vault.state()).toBe('locked');
    expect(await vault.vaultId()).toMatch(/^[a-f0-9]{36}$/);
  });

  it('refuses a passphrase shorter than the policy', async () => {
    const vault = await newVault();
    await expect(vault.create('short')).rejects.toBeInstanceOf(PassphrasePolicyError);
    expect(await vault.state()).toBe('new');
  });

  it('refuses to create a second vault over the first', async () => {
    const vault = await newVault();
    await vault.create(PASSPHRASE);
    await expect(vault.create('another passphrase')).rejects.toBeInstanceOf(VaultStateError);
  });

  it('unlocks with the passphrase and reads what was stored', async () => {
    const vault = await newVault();
    const first = await vault.create(PASSPHRASE);
    const { id } = await first.people.create(annelies);
    first.lock();
    const again = await vault.unlock(PASSPHRASE);
    expect((await again.people.get(id)).data.givenName).toBe('Annelies');
  });

  it('says a wrong passphrase is wrong and loses nothing', async () => {
    const vault = await newVault();
    const session = await vault.create(PASSPHRASE);
    const { id } = await session.people.create(annelies);
    session.lock();
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const again = await vault.unlock(PASSPHRASE);
    expect((await again.people.get(id)).data.familyName).toBe('Verbeek');
  });

  it('changes the passphrase by re-wrapping one key: the old one stops working, data stays', async () => {
    const db = await newDatabase();
    const vault = await testVault(db);
    const session = await vault.create(PASSPHRASE);
    const { id } = await session.people.create(annelies);
    const before = (await db.records.findOne(id).exec())!.payload;
    await vault.changePassphrase(PASSPHRASE, 'a brand new passphrase');
    await expect(vault.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    const again = await vault.unlock('a brand new passphrase');
    expect((await again.people.get(id)).data.givenName).toBe('Annelies');
    expect((await db.records.findOne(id).exec())!.payload).toBe(before);
  });

  it('refuses to change the passphrase when the current one is wrong', async () => {
    const vault = await newVault();
    await vault.create(PASSPHRASE);
    await expect(
      vault.changePassphrase('wrong wrong wrong', 'a brand new passphrase'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(vault.unlock(PASSPHRASE)).resolves.toBeDefined();
  });

  it('unlocks with the secret key a keychain kept, and locking wipes the keys', async () => {
    const vault = await newVault();
    const session = await vault.create(PASSPHRASE);
    const secret = session.exportUserSecretKey();
    const { id } = await session.people.create(annelies);
    session.lock();
    expect(() => session.orgKey).toThrow(/locked/);
    const again = await vault.unlockWithSecretKey(secret);
    expect((await again.people.get(id)).data.givenName).toBe('Annelies');
  });
});
