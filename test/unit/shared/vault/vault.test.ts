import { afterEach, describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../../../../shared/vault/keyring';
import { PassphrasePolicyError, VaultStateError } from '../../../../shared/vault/vault';
import type { KluisDatabase } from '../../../../shared/store/database';
import { memoryDatabase, PASSPHRASE, testVault } from '../../../helpers/store';
import { annelies } from '../../../fixtures/people';

let db: KluisDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

describe('vault', () => {
  it('is new on first run and locked once created', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    expect(await vault.state()).toBe('new');
    await vault.create(PASSPHRASE);
    expect(await vault.state()).toBe('locked');
    expect(await vault.vaultId()).toMatch(/^[a-f0-9]{36}$/);
  });

  it('refuses a passphrase shorter than the policy', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    await expect(vault.create('short')).rejects.toBeInstanceOf(PassphrasePolicyError);
    expect(await vault.state()).toBe('new');
  });

  it('refuses to create a second vault over the first', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    await vault.create(PASSPHRASE);
    await expect(vault.create('another passphrase')).rejects.toBeInstanceOf(VaultStateError);
  });

  it('unlocks with the passphrase and reads what was stored', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    const first = await vault.create(PASSPHRASE);
    const { id } = await first.people.create(annelies);
    first.lock();
    const again = await vault.unlock(PASSPHRASE);
    expect((await again.people.get(id)).data.givenName).toBe('Annelies');
  });

  it('says a wrong passphrase is wrong and loses nothing', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    const session = await vault.create(PASSPHRASE);
    const { id } = await session.people.create(annelies);
    session.lock();
    await expect(vault.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const again = await vault.unlock(PASSPHRASE);
    expect((await again.people.get(id)).data.familyName).toBe('Verbeek');
  });

  it('changes the passphrase by re-wrapping one key: the old one stops working, data stays', async () => {
    db = await memoryDatabase();
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
    db = await memoryDatabase();
    const vault = await testVault(db);
    await vault.create(PASSPHRASE);
    await expect(
      vault.changePassphrase('wrong wrong wrong', 'a brand new passphrase'),
    ).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(vault.unlock(PASSPHRASE)).resolves.toBeDefined();
  });

  it('unlocks with the secret key a keychain kept, and locking wipes the keys', async () => {
    db = await memoryDatabase();
    const vault = await testVault(db);
    const session = await vault.create(PASSPHRASE);
    const secret = session.exportUserSecretKey();
    const { id } = await session.people.create(annelies);
    session.lock();
    expect(() => session.orgKey).toThrow(/locked/);
    const again = await vault.unlockWithSecretKey(secret);
    expect((await again.people.get(id)).data.givenName).toBe('Annelies');
  });
});
