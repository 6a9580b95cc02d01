// Joining with an invite code against the real server: the admin's device invites, the newcomer's device
// registers its own keys with the code, the admin's device checks the key's proof and seals the
// organisation key to it, and the newcomer reads the organisation's people. A server that swaps in a key
// of its own gets nothing sealed to it.
import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../../../shared/crypto/kdf';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { completeInvites, inviteUser } from '../../../shared/sync/admin';
import { testVault } from '../../helpers/store';
import { b64 } from '../server/harness';
import { useServerFixture } from '../server/server-fixture';
import { fixturePlace, joinWithInvite } from './members';
import { adminWithPerson as adminWithPersonOn } from './admin-with-person';
import { syncClient } from './two-devices';

const NEWCOMER_PASSPHRASE = 'blauwe reiger op het ijs';

const fixture = useServerFixture();
const newDb = () => fixture.newDb();
const place = fixturePlace(fixture);

const adminWithPerson = () => adminWithPersonOn(fixture);

describe('joining with an invite code', () => {
  it('registers the newcomer, the admin device seals the key, and the newcomer reads the people', async () => {
    const admin = await adminWithPerson();
    const invited = await inviteUser(fetch, admin.link, 'sales', admin.pending);
    if (!invited.ok) throw new Error(invited.error);
    const { userId, inviteCode } = invited.value;

    // Before the newcomer joins, the admin's device has nothing to seal.
    const before = await completeInvites(fetch, admin.link, admin.pending, admin.key);
    expect(before.ok && before.value.find((m) => m.id === userId)?.state).toBe('waiting');

    const dbB = await newDb();
    // Another device signs in with this passphrase below: the cost must meet the floor it accepts.
    const joined = await joinWithInvite(place, dbB, { userId, inviteCode }, NEWCOMER_PASSPHRASE, KDF_FLOOR);
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.value.link.role).toBe('sales');
    expect(await joined.value.finish(fetch, dbB)).toEqual({ ok: false, error: 'awaiting-org-key' });
    // The code is spent: it cannot be used again.
    const again = await joinWithInvite(place, dbB, { userId, inviteCode }, NEWCOMER_PASSPHRASE);
    expect(again).toEqual({ ok: false, error: 'wrong-invite' });

    const done = await completeInvites(fetch, admin.link, admin.pending, admin.key);
    expect(done.ok && done.value.find((m) => m.id === userId)?.state).toBe('active');
    expect(await admin.pending.list()).toEqual({});

    const finished = await joined.value.finish(fetch, dbB);
    if (!finished.ok) throw new Error(finished.error);
    const session = finished.value;
    expect(session.orgKey).toEqual(admin.session.orgKey);
    expect(session.orgKeyId).toBe(admin.session.orgKeyId);
    const sync = syncClient(dbB, joined.value.link);
    await sync.start();
    await sync.awaitInSync();
    await sync.stop();
    expect((await session.people.get(admin.person.id)).data).toEqual(admin.person.data);

    // The newcomer's vault unlocks with their own passphrase, and another device signs in with it.
    expect((await (await testVault(dbB)).unlock(NEWCOMER_PASSPHRASE)).orgKeyId).toBe(admin.session.orgKeyId);
    const orgKey = admin.session.orgKey.slice();
    // RxDB's open-source build allows 13 open collections: close the admin's device first.
    await fixture.closeDb(admin.db);
    const other = await signInOnNewDevice({
      fetch,
      serverUrl: fixture.server.url,
      db: await newDb(),
      userId,
      passphrase: NEWCOMER_PASSPHRASE,
    });
    if (!other.ok) throw new Error(other.error);
    expect(other.value.session.orgKey).toEqual(orgKey);

    // Neither the invite code nor the organisation key reached the server in a form it could use.
    const rows = (await fixture.storage.dumpAllRows()).join('\n');
    expect(rows).not.toContain(inviteCode);
    expect(rows).not.toContain(Buffer.from(orgKey).toString('base64'));
  });

  it('refuses a wrong invite code and creates no vault', async () => {
    const admin = await adminWithPerson();
    const invited = await inviteUser(fetch, admin.link, 'service', admin.pending);
    if (!invited.ok) throw new Error(invited.error);
    const dbB = await newDb();
    const joined = await joinWithInvite(
      place,
      dbB,
      { userId: invited.value.userId, inviteCode: 'x'.repeat(32) },
      NEWCOMER_PASSPHRASE,
    );
    expect(joined).toEqual({ ok: false, error: 'wrong-invite' });
    expect(await dbB.vault.count().exec()).toBe(0);
  });

  it('does not seal the key to a public key the server swapped in', async () => {
    const admin = await adminWithPerson();
    const invited = await inviteUser(fetch, admin.link, 'sales', admin.pending);
    if (!invited.ok) throw new Error(invited.error);
    const { userId, inviteCode } = invited.value;
    const joined = await joinWithInvite(place, await newDb(), { userId, inviteCode }, NEWCOMER_PASSPHRASE);
    if (!joined.ok) throw new Error(joined.error);
    // A dishonest server replaces the newcomer's public key with one of its own.
    const user = await fixture.storage.getUser(userId);
    await fixture.storage.updateUser(user!.orgId, userId, { keys: { ...user!.keys!, publicKey: b64(32) } });

    const done = await completeInvites(fetch, admin.link, admin.pending, admin.key);
    expect(done.ok && done.value.find((m) => m.id === userId)?.state).toBe('key-mismatch');
    expect((await fixture.storage.getUser(userId))?.sealedOrgKey).toBeNull();
  });
});
