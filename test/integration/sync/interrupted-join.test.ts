// A join left before the admin's grant arrived (issue 20), against the real server: the newcomer's device
// registered its keys and was closed while it waited; once an admin's device has sealed the organisation
// key, signing in with user id and passphrase checks the grant with the invite key the passphrase locked
// away at join, writes the box the join would have written, and syncs. A key the server planted is still
// refused, and nothing is stored or sent back.
import { describe, expect, it } from 'vitest';
import { fromBase64, randomBytes, toBase64 } from '../../../shared/crypto/bytes';
import { EnvelopeCipher } from '../../../shared/crypto/envelope';
import { KDF_FLOOR } from '../../../shared/crypto/kdf';
import { loadSodium } from '../../../shared/crypto/sodium';
import { newSigningPair, signerFrom } from '../../../shared/crypto';
import type { KluisDatabase } from '../../../shared/store/database';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { completeInvites, inviteUser } from '../../../shared/sync/admin';
import { sealGrant } from '../../../shared/sync/invite';
import type { Fetch } from '../../../shared/sync';
import { testVault } from '../../helpers/store';
import { useServerFixture } from '../server/server-fixture';
import { lyingServer } from './lying-server';
import { fixturePlace, joinWithInvite } from './members';
import { adminWithPerson as adminWithPersonOn } from './admin-with-person';
import { syncClient } from './two-devices';

const NEWCOMER_PASSPHRASE = 'blauwe reiger op het ijs';

const fixture = useServerFixture();
const place = fixturePlace(fixture);

const adminWithPerson = () => adminWithPersonOn(fixture);

/** The newcomer presses Join, and the window is closed before any admin's device sealed the key. */
const joinThenLeave = async (invite: { userId: string; inviteCode: string }, db?: KluisDatabase) => {
  const own = db ?? (await fixture.newDb());
  const joined = await joinWithInvite(place, own, invite, NEWCOMER_PASSPHRASE, KDF_FLOOR);
  if (!joined.ok) throw new Error(joined.error);
  expect(await joined.value.finish(fetch, own)).toEqual({ ok: false, error: 'awaiting-org-key' });
  joined.value.discard();
  if (!db) await fixture.closeDb(own);
};

const signIn = async (userId: string, db: KluisDatabase, through: Fetch = fetch) =>
  signInOnNewDevice({
    fetch: through,
    serverUrl: fixture.server.url,
    db,
    userId,
    passphrase: NEWCOMER_PASSPHRASE,
  });

describe('a join left before the grant arrived', () => {
  it('is finished by signing in with the passphrase once an admin sealed the key, and syncs', async () => {
    const admin = await adminWithPerson();
    const invited = await inviteUser(fetch, admin.link, 'sales', admin.pending);
    if (!invited.ok) throw new Error(invited.error);
    const { userId } = invited.value;
    await joinThenLeave(invited.value);

    // Before the admin's device was open: an ordinary wait, no alarm, and nothing stored.
    const devicesOf = async () =>
      (await fixture.storage.listDevices(admin.link.orgId)).filter((d) => d.userId === userId);
    const [joinDevice] = await devicesOf();
    const early = await fixture.newDb();
    expect(await signIn(userId, early)).toEqual({ ok: false, error: 'awaiting-org-key' });
    expect(await early.vault.count().exec()).toBe(0);
    await fixture.closeDb(early);
    // The attempt left no device behind: only the join's.
    expect((await devicesOf()).map((d) => d.id)).toEqual([joinDevice!.id]);

    const done = await completeInvites(fetch, admin.link, admin.pending, admin.key);
    expect(done.ok && done.value.find((m) => m.id === userId)?.state).toBe('active');
    const orgKey = admin.session.orgKey.slice();
    const { person } = admin;
    await fixture.closeDb(admin.db);

    const db = await fixture.newDb();
    const signedIn = await signIn(userId, db);
    if (!signedIn.ok) throw new Error(signedIn.error);
    const { session, link } = signedIn.value;
    expect(session.orgKey).toEqual(orgKey);
    const sync = syncClient(db, link);
    await sync.start();
    await sync.awaitInSync();
    await sync.stop();
    expect((await session.people.get(person.id)).data).toEqual(person.data);
    // The join's device, closed before it held the key, is revoked: no erasure waits for it.
    const devices = await devicesOf();
    expect(devices.filter((d) => d.revokedAt === null).map((d) => d.id)).toEqual([link.deviceId]);
    expect(devices.find((d) => d.id === joinDevice!.id)?.revokedAt).not.toBeNull();
    // The vault unlocks with the passphrase, as a finished join's does.
    expect((await (await testVault(db)).unlock(NEWCOMER_PASSPHRASE)).orgKeyId).toBe(session.orgKeyId);

    // The account now keeps the box the join would have written, and no longer the invite key.
    const keys = (await fixture.storage.getUser(userId))!.keys!;
    expect(keys.orgKeyBox).toBeTruthy();
    expect(keys.inviteKeyBox).toBeUndefined();
    await fixture.closeDb(db);
    // The user's next device signs in the ordinary way.
    const next = await signIn(userId, await fixture.newDb());
    if (!next.ok) throw new Error(next.error);
    expect(next.value.session.orgKey).toEqual(orgKey);
  });

  it('still refuses a key the server planted, and stores and sends nothing', async () => {
    const admin = await adminWithPerson();
    const invited = await inviteUser(fetch, admin.link, 'sales', admin.pending);
    if (!invited.ok) throw new Error(invited.error);
    const second = await inviteUser(fetch, admin.link, 'service', admin.pending);
    if (!second.ok) throw new Error(second.error);
    const { userId } = invited.value;
    const joinDb = await fixture.newDb();
    await joinThenLeave(invited.value, joinDb);
    await joinThenLeave(second.value, joinDb);
    await fixture.closeDb(joinDb);
    await completeInvites(fetch, admin.link, admin.pending, admin.key);
    const otherUser = (await fixture.storage.getUser(second.value.userId))!;

    const sodium = await loadSodium();
    const publicKey = (await fixture.storage.getUser(userId))!.keys!.publicKey;
    const serverKey = randomBytes(32);
    const forged = sealGrant(
      sodium,
      new EnvelopeCipher(sodium),
      randomBytes(32),
      signerFrom(sodium, newSigningPair(sodium)),
      {
        userId,
        orgKeyId: admin.session.orgKeyId,
        orgKey: serverKey,
        publicKey,
        pageKey: { id: 'server-page-key', key: randomBytes(32) },
      },
    );
    type User = { sealedOrgKey: string; keys: Record<string, unknown> };
    const lies: ((user: User) => User)[] = [
      // A grant with a MAC under a key the server made up, signed by a key of its own.
      (user) => ({ ...user, sealedOrgKey: forged }),
      // The first admin's form: a bare key sealed to the newcomer.
      (user) => ({
        ...user,
        sealedOrgKey: toBase64(sodium.crypto_box_seal(serverKey, fromBase64(publicKey))),
      }),
      // Another invitee's genuine grant.
      (user) => ({ ...user, sealedOrgKey: otherUser.sealedOrgKey! }),
      // The invite key dropped, or swapped for another invitee's: the genuine grant cannot be checked.
      (user) => ({ ...user, keys: { ...user.keys, inviteKeyBox: undefined } }),
      (user) => ({ ...user, keys: { ...user.keys, inviteKeyBox: otherUser.keys!.inviteKeyBox } }),
    ];
    const orgKey = admin.session.orgKey.slice();
    await fixture.closeDb(admin.db);
    const db = await fixture.newDb();
    for (const lie of lies) {
      const liar = lyingServer();
      liar.lie('POST', '/auth/sign-in', (value) => ({ ...value, user: lie(value.user as User) }));
      expect(await signIn(userId, db, liar.fetch)).toEqual({ ok: false, error: 'org-key-not-authenticated' });
      // Nothing was sent back: the box is written only from a grant the invite key vouches for.
      expect(liar.calls()).toEqual(['POST /auth/prelogin', 'POST /auth/sign-in']);
      expect(await db.vault.count().exec()).toBe(0);
    }
    expect((await fixture.storage.getUser(userId))!.keys!.orgKeyBox).toBeUndefined();
    // The honest answer finishes the join.
    const honest = await signIn(userId, db);
    if (!honest.ok) throw new Error(honest.error);
    expect(honest.value.session.orgKey).toEqual(orgKey);
  });
});
