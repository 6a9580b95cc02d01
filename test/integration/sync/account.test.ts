// Account link against the real server: the first admin connects a local vault, a second device signs in
// with user id and passphrase and reads what the first wrote; the server holds no key it could use.
import { describe, expect, it } from 'vitest';
import { connectVault, signInOnNewDevice } from '../../../shared/sync/account';
import { annelies } from '../../fixtures/people';
import { useServerFixture } from '../server/server-fixture';
import { linkableVault, PASSPHRASE, testVault } from '../../helpers/store';
import { connectedVault, fixturePlace } from './members';

const fixture = useServerFixture();
const newDb = () => fixture.newDb();

describe('account link', () => {
  it('connects a vault, then a second device signs in with the passphrase and reads the same data', async () => {
    const dbA = await newDb();
    const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
    const person = await sessionA.people.create(annelies);
    const linked = await connectVault({
      fetch,
      serverUrl: fixture.server.url,
      db: dbA,
      passphrase: PASSPHRASE,
    });
    if (!linked.ok) throw new Error(linked.error);
    expect(linked.value.role).toBe('admin');

    const dbB = await newDb();
    const signedIn = await signInOnNewDevice({
      fetch,
      serverUrl: fixture.server.url,
      db: dbB,
      userId: linked.value.userId,
      passphrase: PASSPHRASE,
    });
    if (!signedIn.ok) throw new Error(signedIn.error);
    expect(signedIn.value.link.orgId).toBe(linked.value.orgId);
    expect(signedIn.value.link.deviceId).not.toBe(linked.value.deviceId);
    expect(signedIn.value.session.vaultId).toBe(sessionA.vaultId);
    expect(signedIn.value.session.orgKey).toEqual(sessionA.orgKey);

    // Copying A's documents by hand (replication is tested elsewhere): B decrypts them with its keyring.
    await dbB.keys.bulkInsert((await dbA.keys.find().exec()).map((d) => d.toMutableJSON()));
    await dbB.records.bulkInsert((await dbA.records.find().exec()).map((d) => d.toMutableJSON()));
    const read = await signedIn.value.session.people.get(person.id);
    expect(read.data).toEqual(person.data);

    // B's vault also unlocks offline with the same passphrase.
    const again = await (await testVault(dbB)).unlock(PASSPHRASE);
    expect(again.orgKeyId).toBe(sessionA.orgKeyId);
  });

  it('refuses a wrong passphrase on the new device and creates no vault', async () => {
    const { link } = await connectedVault(fixturePlace(fixture), { linkable: true });
    const dbB = await newDb();
    const signedIn = await signInOnNewDevice({
      fetch,
      serverUrl: fixture.server.url,
      db: dbB,
      userId: link.userId,
      passphrase: 'not the right passphrase',
    });
    expect(signedIn).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect(await (await testVault(dbB)).state()).toBe('new');
  });

  it('refuses to connect with a wrong passphrase, sending nothing', async () => {
    const dbA = await newDb();
    await (await linkableVault(dbA)).create(PASSPHRASE);
    const connected = await connectVault({
      fetch,
      serverUrl: fixture.server.url,
      db: dbA,
      passphrase: 'not the right passphrase',
    });
    expect(connected).toEqual({ ok: false, error: 'wrong-passphrase' });
    expect((await fixture.storage.dumpAllRows()).join('')).not.toContain('argon2id13');
  });

  it('answers offline when the server cannot be reached', async () => {
    const dbA = await newDb();
    await (await linkableVault(dbA)).create(PASSPHRASE);
    const connected = await connectVault({
      fetch,
      serverUrl: 'http://127.0.0.1:1',
      db: dbA,
      passphrase: PASSPHRASE,
    });
    expect(connected).toEqual({ ok: false, error: 'offline' });
  });
});
