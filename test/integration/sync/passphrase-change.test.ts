// A passphrase change on a linked device reaches the account, on both storage adapters: the old
// passphrase signs in nowhere afterwards, the new one does, and the user's other device asks for the new
// one at its next unlock. Offline, nothing changes anywhere.
import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../../shared/crypto/bytes';
import { KDF_FLOOR } from '../../../shared/crypto/kdf';
import type { KluisDatabase } from '../../../shared/store/database';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { changeAccountPassphrase, checkAccountKeys } from '../../../shared/sync';
import { PassphraseChangedError, WrongPassphraseError } from '../../../shared/vault/keyring';
import { linkableVault, PASSPHRASE } from '../../helpers/store';
import { ADAPTER_NAMES } from '../server/adapters';
import { lyingServer } from './lying-server';
import { useServerFixture } from '../server/server-fixture';
import { connectedVault, fixturePlace } from './members';

const NEW_PASSPHRASE = 'een heel ander wachtwoord';

describe.each(ADAPTER_NAMES)('passphrase change (%s)', (adapter) => {
  const fixture = useServerFixture(adapter);
  const { newDb, closeDb } = fixture;
  const place = fixturePlace(fixture);

  const signIn = (db: KluisDatabase, userId: string, passphrase: string) =>
    signInOnNewDevice({ fetch, serverUrl: fixture.server.url, db, userId, passphrase });

  it('replaces the account: the old passphrase fails on a new device, the new one works, the second device asks for it', async () => {
    const { db: dbA, session: sessionA, link } = await connectedVault(place, { linkable: true });
    const dbB = await newDb();
    const signedIn = await signIn(dbB, link.userId, PASSPHRASE);
    if (!signedIn.ok) throw new Error(signedIn.error);
    const secretB = signedIn.value.session.exportUserSecretKey();
    signedIn.value.session.lock();
    // What the server holds for the account before the change, for a replay below.
    const before = (await fixture.storage.getUser(link.userId))!;
    const orgKey = sessionA.orgKey.slice();

    // A wrong current passphrase changes nothing.
    expect(
      await changeAccountPassphrase({
        fetch,
        link,
        db: dbA,
        current: 'not my passphrase',
        next: NEW_PASSPHRASE,
      }),
    ).toEqual({ ok: false, error: 'wrong-passphrase' });
    const changed = await changeAccountPassphrase({
      fetch,
      link,
      db: dbA,
      current: PASSPHRASE,
      next: NEW_PASSPHRASE,
      kdf: KDF_FLOOR,
    });
    expect(changed).toEqual({ ok: true, value: undefined });
    // This device opens with the new passphrase only.
    const vaultA = await linkableVault(dbA);
    await expect(vaultA.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await vaultA.unlock(NEW_PASSPHRASE)).orgKey).toEqual(orgKey);

    // The second device still opens locally with the old passphrase until it hears from the server...
    expect(await checkAccountKeys(fetch, signedIn.value.link, dbB, secretB)).toEqual({
      ok: true,
      value: 'passphrase-changed',
    });
    // ...and from then on the old one is refused with the reason, and the new one opens the same keys.
    const vaultB = await linkableVault(dbB);
    await expect(vaultB.unlock(PASSPHRASE)).rejects.toBeInstanceOf(PassphraseChangedError);
    await expect(vaultB.unlock('neither of the two')).rejects.toBeInstanceOf(WrongPassphraseError);
    const reopened = await vaultB.unlock(NEW_PASSPHRASE);
    expect(reopened.orgKey).toEqual(orgKey);
    reopened.lock();
    await expect(vaultB.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await checkAccountKeys(fetch, signedIn.value.link, dbB, secretB)).toEqual({
      ok: true,
      value: 'current',
    });

    // A lying server replays the keys from before the change (the old, perhaps leaked passphrase), or
    // hands over keys of its own: the device adopts neither and still opens with the new passphrase only.
    const liar = lyingServer();
    liar.lie('GET', '/auth/me', (value) => ({ ...value, keys: before.keys }));
    expect(await checkAccountKeys(liar.fetch, signedIn.value.link, dbB, secretB)).toEqual({
      ok: false,
      error: 'keys-not-authenticated',
    });
    const current = (await fixture.storage.getUser(link.userId))!.keys!;
    liar.lie('GET', '/auth/me', (value) => ({
      ...value,
      keys: { ...current, encryptedSecretKey: `k1${Buffer.from(randomBytes(72)).toString('base64')}` },
    }));
    expect(await checkAccountKeys(liar.fetch, signedIn.value.link, dbB, secretB)).toEqual({
      ok: false,
      error: 'keys-not-authenticated',
    });
    await expect(vaultB.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    (await vaultB.unlock(NEW_PASSPHRASE)).lock();

    // A new device: the old passphrase signs in nowhere, the new one does and reads the same person.
    await closeDb(dbB);
    await closeDb(dbA);
    const dbC = await newDb();
    expect(await signIn(dbC, link.userId, PASSPHRASE)).toEqual({ ok: false, error: 'wrong-passphrase' });
    const fresh = await signIn(dbC, link.userId, NEW_PASSPHRASE);
    if (!fresh.ok) throw new Error(fresh.error);
    expect(fresh.value.session.orgKey).toEqual(orgKey);
  });

  it('changes nothing while the server cannot be reached', async () => {
    const { db, link } = await connectedVault(place, { linkable: true });
    const before = (await db.vault.findOne('keyring').exec())?.payload;
    const offline: typeof fetch = () => Promise.reject(new TypeError('network down'));
    expect(
      await changeAccountPassphrase({
        fetch: offline,
        link,
        db,
        current: PASSPHRASE,
        next: NEW_PASSPHRASE,
      }),
    ).toEqual({ ok: false, error: 'offline' });
    expect((await db.vault.findOne('keyring').exec())?.payload).toBe(before);
    expect((await (await linkableVault(db)).unlock(PASSPHRASE)).orgKeyId).toBeTruthy();
    const other = await newDb();
    expect((await signIn(other, link.userId, PASSPHRASE)).ok).toBe(true);
  });
});
