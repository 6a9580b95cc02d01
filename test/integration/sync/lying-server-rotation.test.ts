// Page-key rotation (sync/rotation.ts, vault/page-keys.ts) against a lying server: the real server, the
// real client code and real crypto, with the man in the middle of lying-server.ts rewriting the server's
// answers. The threat model: the server, the network and a removed member are adversaries for
// confidentiality. A lying server may refuse service, but it must never get a page key, never make a device
// adopt a key it made, never make a device lose what it could read, and never let a removed member read
// what is added after the rotation.
//
// What holds (plain `it`): grants the server forges, replays of other users' or older grants, a made-up
// newer epoch, a rollback of the epoch list, and an epoch claimed finished while local pages still need the
// older key. What does not hold today (`it.fails`, each with the gap it records) is mostly one root cause:
// a rotation grant is authenticated only by the lock under the previous page key, and the removed member
// holds that key; and the rotating admin's device trusts members it never saw (a listed key that differs
// from one it pinned now stops the rotation). When a gap is closed, its `it.fails` starts failing: turn it
// into an `it`.
import { describe, expect, it } from 'vitest';
import { randomBytes, toBase64, utf8 } from '../../../shared/crypto/bytes';
import { EnvelopeCipher } from '../../../shared/crypto/envelope';
import { loadSodium } from '../../../shared/crypto/sodium';
import { DEAL_CONFIG } from '../../../shared/deals/deal';
import { recordAddress } from '../../../shared/store/subject-repository';
import type { KluisDatabase } from '../../../shared/store/database';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { fetchKeys } from '../../../shared/sync';
import { type Fetch } from '../../../shared/sync';
import type { KeysResponse, RotateRequest } from '../../../shared/sync';
import type { UserSummary } from '../../../shared/sync';
import { catchUpKeys, rotatePageKey, runKeyDuty, type KeyContext } from '../../../shared/sync/rotation';
import { newSigningPair, signerFrom } from '../../../shared/crypto';
import { newId } from '../../../shared/crypto';
import { openRotationGrant, sealRotationGrant } from '../../../shared/vault/page-keys';
import { type PageKey } from '../../../shared/store';
import { annelies, bram } from '../../fixtures/people';
import { PASSPHRASE, testVault } from '../../helpers/store';
import { lyingServer, type LyingServer } from './lying-server';
import { admin, device, useMembersServer, join, MEMBER_PASSPHRASE, ok, removeMember } from './members';
import type { Device } from './members';

const { fixture, place } = useMembersServer();

/** The same device's key duties, with every answer passing through the liar. */
const through = (d: Device, liar: LyingServer): KeyContext => ({ ...d.ctx, fetch: liar.fetch });

/** A copy that outlives the ring it came from (rings wipe keys they drop). */
const copyKey = (key: PageKey): PageKey => ({ id: key.id, key: key.key.slice() });

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

const cipher = async () => new EnvelopeCipher(await loadSodium());

/**
 * A rotation grant made by someone other than an admin's device: sealed to the user's real public key,
 * signed by a signing key of the forger's own, `next` locked under `previous`.
 */
const forgeGrant = async (user: Device, previous: PageKey, next: PageKey): Promise<string> => {
  const sodium = await loadSodium();
  return sealRotationGrant(sodium, new EnvelopeCipher(sodium), signerFrom(sodium, newSigningPair(sodium)), {
    userId: user.link.userId,
    publicKey: toBase64(user.session.userPublicKey),
    previous,
    next,
  });
};

/** Rewrites every later GET /keys answer through this liar. */
const lieAboutKeys = (liar: LyingServer, change: (keys: KeysResponse) => KeysResponse) =>
  liar.lie(
    'GET',
    '/keys',
    (value) => change(value as unknown as KeysResponse) as unknown as Record<string, unknown>,
  );

const lieAboutUsers = (liar: LyingServer, change: (users: UserSummary[]) => UserSummary[]) =>
  liar.lie(
    'GET',
    '/users',
    (value) => change(value as unknown as UserSummary[]) as unknown as Record<string, unknown>,
  );

/** The rows the server holds for a collection, as the documents it serves. */
const serverDocs = async <T>(collection: string) =>
  (await fixture.storage.dumpAllRows())
    .map((row) => JSON.parse(row) as { collection?: string; doc?: string })
    .filter((row) => row.collection === collection && typeof row.doc === 'string')
    .map((row) => JSON.parse(row.doc!) as T & { _deleted: boolean })
    .filter((doc) => !doc._deleted);

interface KeyPage {
  id: string;
  keyId: string;
  payload: string;
}

/** Opens one entry of a key page with a given page key, as anyone holding that key could. */
const openEntry = async (page: KeyPage, subjectId: string, key: PageKey): Promise<Uint8Array | null> => {
  const sealed = (JSON.parse(page.payload) as Record<string, string>)[subjectId];
  if (!sealed || page.keyId !== key.id) return null;
  try {
    return (await cipher()).openBytes(sealed, key.key, {
      collection: 'keys',
      id: subjectId,
      keyId: page.keyId,
    });
  } catch {
    return null;
  }
};

/** An item's payload opened with a data key, as anyone holding that key could (null: it does not open). */
const openItem = async (
  item: { id: string; subjectId: string; keyId: string; payload: string } | undefined,
  dataKey: Uint8Array,
): Promise<unknown> => {
  if (!item) return null;
  try {
    return (await cipher()).openJson(
      item.payload,
      dataKey,
      recordAddress(item.id, item.subjectId, item.keyId, 'items'),
    );
  } catch {
    return null;
  }
};

/** The server's key page holding a subject's data key, opened with `key` (null: no such page, or it does not open). */
const serverEntry = async (subjectId: string, key: PageKey) => {
  const page = (await serverDocs<KeyPage>('keys')).find((p) => p.payload.includes(subjectId));
  return page ? openEntry(page, subjectId, key) : null;
};

/** Each key page on the device: does every entry open under the genuine page key of its epoch? */
const pagesUnderGenuineKeys = async (db: KluisDatabase, genuine: readonly PageKey[]) => {
  const pages = (await db.keys.find().exec()).map((d) => d.toJSON() as KeyPage);
  const opens = await Promise.all(
    pages.map(async (page) => {
      const key = genuine.find((k) => k.id === page.keyId);
      if (!key) return false;
      const subjects = Object.keys(JSON.parse(page.payload) as Record<string, string>);
      const entries = await Promise.all(subjects.map((s) => openEntry(page, s, key)));
      return entries.every((e) => e !== null);
    }),
  );
  return { pages: pages.length, allGenuine: opens.every(Boolean) };
};

/** Every person, opened by a fresh unlock of the stored vault (no data key in memory). */
const readAll = async (d: Pick<Device, 'db'>, passphrase = MEMBER_PASSPHRASE) => {
  const session = await (await testVault(d.db)).unlock(passphrase);
  try {
    const { records, problems } = await session.people.loadAll();
    return { names: records.map((p) => p.data.familyName).sort(), problems: problems.length };
  } finally {
    session.lock();
  }
};

/** An admin with people, a member who will be removed (their copy of the page key kept), and one who stays. */
const removalScene = async (people = 1) => {
  const a = await admin(place, people);
  const leaves = await join(place, a);
  const removedHolds = copyKey(leaves.session.pageKeys.current);
  const removedKeys = {
    userId: leaves.link.userId,
    publicKey: leaves.session.userPublicKey.slice(),
    secretKey: leaves.session.exportUserSecretKey(),
  };
  const stays = await removeMember(place, a, leaves);
  return { a, stays, removedHolds, removedKeys };
};

describe('a lying server during key rotation', () => {
  it('grants the server forged and an epoch it made up: the member adopts nothing, reads everything and wraps nothing under a server key', async () => {
    const a = await admin(place, 2);
    const m = await join(place, a);
    const e0 = copyKey(m.session.pageKeys.current);
    const rotated = ok(await rotatePageKey(a.ctx, 'manual'));
    const before = await readAll(m);
    expect(before).toEqual({ names: expect.any(Array) as unknown, problems: 0 });

    // Keys of the server's own, each sealed to the member, signed by a key of the server's own, locked
    // under random keys: under the real new epoch's id, under a made-up id, and chaining from the member's
    // current epoch or from one it never held.
    const serverKeys = [
      { id: rotated.epochId, key: randomBytes(32) },
      { id: newId(), key: randomBytes(32) },
    ];
    const madeUp = serverKeys[1]!;
    const forged = [
      {
        epochId: rotated.epochId,
        sealed: await forgeGrant(m, { id: e0.id, key: randomBytes(32) }, serverKeys[0]!),
      },
      { epochId: madeUp.id, sealed: await forgeGrant(m, { id: e0.id, key: randomBytes(32) }, madeUp) },
      { epochId: madeUp.id, sealed: await forgeGrant(m, { id: newId(), key: randomBytes(32) }, madeUp) },
    ];
    const liar = lyingServer();
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      grants: forged,
      // A newer epoch than the real one, already finished: nothing waits, no device behind.
      epochs: [
        ...keys.epochs,
        {
          epochId: madeUp.id,
          seq: keys.epochs.length,
          reason: 'manual',
          createdAt: Date.now(),
          createdBy: a.link.userId,
          finishedAt: Date.now(),
        },
      ],
      pendingPages: 0,
      devicesBehind: [],
    }));
    for (let i = 0; i < 2; i++) {
      const status = ok(await catchUpKeys(through(m, liar)));
      expect(status.heldEpochId).toBe(e0.id);
    }
    const ring = m.session.pageKeys;
    expect(ring.current.id).toBe(e0.id);
    expect(sameBytes(ring.current.key, e0.key)).toBe(true);
    expect(ring.older).toEqual([]);
    for (const k of serverKeys)
      expect([ring.current, ...ring.older].some((h) => sameBytes(h.key, k.key))).toBe(false);
    // Nothing acknowledged to the made-up epoch, nothing destroyed, everything readable.
    expect(liar.calls()).not.toContain('POST /keys/ack');
    expect(await readAll(m)).toEqual(before);

    // What the member writes now is under the genuine key: no page on the device under a key the server made.
    const added = await m.session.people.create(bram);
    expect(await pagesUnderGenuineKeys(m.db, [e0])).toEqual({ pages: 3, allGenuine: true });

    // The lie stops: the genuine grant is adopted, the member's page re-wrapped, and everything stays readable.
    ok(await catchUpKeys(m.ctx));
    expect(m.session.pageKeys.current.id).toBe(rotated.epochId);
    expect(sameBytes(m.session.pageKeys.current.key, a.session.pageKeys.current.key)).toBe(true);
    await m.sync();
    expect((await readAll(m)).problems).toBe(0);
    expect((await m.session.people.get(added.id)).data.familyName).toBe(bram.familyName);
  });

  it('a new device signing in is not walked onto a key the server made', async () => {
    const a = await admin(place, 1, { linkable: true });
    const e0 = copyKey(a.session.pageKeys.current);
    const rotated = ok(await rotatePageKey(a.ctx, 'manual'));
    const e1 = copyKey(a.session.pageKeys.current);
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    ok(await catchUpKeys(a.ctx));
    const serverKey = { id: rotated.epochId, key: randomBytes(32) };
    const liar = lyingServer();
    const sodium = await loadSodium();
    // The server seals to the user's public key, which it knows; it cannot lock under the box's page key.
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      grants: [
        {
          epochId: rotated.epochId,
          sealed: sealRotationGrant(
            sodium,
            new EnvelopeCipher(sodium),
            signerFrom(sodium, newSigningPair(sodium)),
            {
              userId: a.link.userId,
              publicKey: toBase64(a.session.userPublicKey),
              previous: { id: e0.id, key: randomBytes(32) },
              next: serverKey,
            },
          ),
        },
      ],
    }));
    const db = await fixture.newDb();
    const signedIn = ok(
      await signInOnNewDevice({
        fetch: liar.fetch,
        serverUrl: fixture.server.url,
        db,
        userId: a.link.userId,
        passphrase: PASSPHRASE,
      }),
    );
    const ring = signedIn.session.pageKeys;
    // It starts from the key its passphrase box vouches for, and nothing the server made.
    expect(ring.current.id).toBe(e0.id);
    expect(sameBytes(ring.current.key, e0.key)).toBe(true);
    expect([ring.current, ...ring.older].some((k) => sameBytes(k.key, serverKey.key))).toBe(false);
    const added = await signedIn.session.people.create(bram);
    expect(await pagesUnderGenuineKeys(db, [e0])).toEqual({ pages: 1, allGenuine: true });

    // Honest again: the device walks the genuine grant, re-wraps its own page, and reads everything.
    const b = device(place, db, signedIn.session, signedIn.link);
    ok(await catchUpKeys(b.ctx));
    expect(b.session.pageKeys.current.id).toBe(e1.id);
    await b.sync();
    expect(await readAll(b, PASSPHRASE)).toEqual({
      names: [`${annelies.familyName} 0`, bram.familyName].sort(),
      problems: 0,
    });
    expect(await serverEntry(added.subjectId, e1)).not.toBeNull();
  });

  it('replays another user’s genuine grant, the member’s own older grant (as is and relabelled), and rolls the epoch list back: nothing moves', async () => {
    const a = await admin(place, 2);
    const m = await join(place, a);
    const round = async () => {
      const rotated = ok(await rotatePageKey(a.ctx, 'manual'));
      ok(await catchUpKeys(a.ctx));
      await a.sync();
      ok(await catchUpKeys(a.ctx));
      return rotated.epochId;
    };
    const e1 = await round();
    ok(await catchUpKeys(m.ctx));
    await m.sync();
    ok(await catchUpKeys(m.ctx));
    expect(m.session.pageKeys.current.id).toBe(e1);
    expect(m.session.pageKeys.older).toEqual([]);
    const held = copyKey(m.session.pageKeys.current);
    const before = await readAll(m);
    expect(before.problems).toBe(0);

    const e2 = await round();
    const adminGrants = ok(await fetchKeys(fetch, a.link)).grants;
    const ownGrants = ok(await fetchKeys(fetch, m.link)).grants;
    expect(adminGrants.map((g) => g.epochId)).toEqual([e1, e2]);
    expect(ownGrants.map((g) => g.epochId)).toEqual([e1, e2]);
    const adminToE2 = adminGrants[1]!;
    const ownToE1 = ownGrants[0]!;

    const liar = lyingServer();
    const attempts: ((keys: KeysResponse) => KeysResponse)[] = [
      // The admin's grant to e2, handed to the member as theirs.
      (keys) => ({ ...keys, grants: [adminToE2] }),
      // The member's own older grant, as is and under the newer epoch's id.
      (keys) => ({ ...keys, grants: [ownToE1, { epochId: e2, sealed: ownToE1.sealed }] }),
      // A rollback: the epoch list cut back to e1 (claimed finished) and the older grant again.
      (keys) => ({
        ...keys,
        epochs: keys.epochs.slice(0, -1).map((e) => ({ ...e, finishedAt: e.finishedAt ?? Date.now() })),
        grants: [ownToE1],
      }),
    ];
    for (const attempt of attempts) {
      lieAboutKeys(liar, attempt);
      ok(await catchUpKeys(through(m, liar)));
      expect(m.session.pageKeys.current.id).toBe(held.id);
      expect(sameBytes(m.session.pageKeys.current.key, held.key)).toBe(true);
      expect(m.session.pageKeys.older).toEqual([]);
    }
    expect(await readAll(m)).toEqual(before);
    expect(await pagesUnderGenuineKeys(m.db, [held])).toEqual({ pages: 2, allGenuine: true });

    ok(await catchUpKeys(m.ctx));
    expect(m.session.pageKeys.current.id).toBe(e2);
  });

  it('claims the epoch finished while this device still holds pages under the older key: the older key stays until nothing needs it', async () => {
    const a = await admin(place, 2);
    const m = await join(place, a);
    const e0 = copyKey(m.session.pageKeys.current);
    // Offline, the member adds someone: their page is under e0 and on this device only.
    const offline = await m.session.people.create(bram);
    const everyone = (await readAll(m)).names;
    expect(everyone).toHaveLength(3);
    // The admin starts a rotation but has re-wrapped nothing yet: the server's pages are all under e0.
    const rotated = ok(await rotatePageKey(a.ctx, 'manual'));

    const liar = lyingServer();
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      epochs: keys.epochs.map((e) => ({ ...e, finishedAt: e.finishedAt ?? Date.now() })),
      pendingPages: 0,
      devicesBehind: keys.devicesBehind.filter((d) => d.deviceId !== m.link.deviceId),
    }));
    const status = ok(await catchUpKeys(through(m, liar)));
    expect(status.heldEpochId).toBe(rotated.epochId);
    // The member's own page moved to the new key; the admin's two pages here still need e0, so it stays.
    expect(status.localPending).toBe(2);
    expect(m.session.pageKeys.older.map((k) => k.id)).toEqual([e0.id]);
    expect(liar.calls()).not.toContain('POST /keys/ack');
    expect(await readAll(m)).toEqual({ names: everyone, problems: 0 });

    // Synced (the admin pushed nothing yet), and lied to again: still kept.
    await m.sync();
    ok(await catchUpKeys(through(m, liar)));
    expect(m.session.pageKeys.older.map((k) => k.id)).toEqual([e0.id]);
    expect(await readAll(m)).toEqual({ names: everyone, problems: 0 });

    // The rotation really finishes: only then does e0 go, and nothing became unreadable.
    ok(await catchUpKeys(a.ctx));
    await a.sync();
    expect(ok(await catchUpKeys(a.ctx)).current?.finishedAt).not.toBeNull();
    ok(await catchUpKeys(m.ctx));
    await m.sync();
    const final = ok(await catchUpKeys(m.ctx));
    expect(final.olderHeld).toBe(0);
    expect(await readAll(m)).toEqual({ names: everyone, problems: 0 });
    await a.sync();
    expect((await a.session.people.get(offline.id)).data.familyName).toBe(bram.familyName);
  });

  // Was a gap (confidentiality), closed for members this device checked or sealed to before: rotatePageKey
  // sealed the new page key to whatever public key GET /users listed. It now checks each listed key against
  // the one this device pinned (sync/member-pins.ts: checked against the invite code in completeInvites, or
  // first sealed to) and stops with 'member-key-changed', sending nothing. A member this device never saw
  // is still trusted on first use.
  it('a public key the server substitutes at rotation time stops the rotation; the removed member gets nothing', async () => {
    const { a, stays, removedHolds } = await removalScene();
    const sodium = await loadSodium();
    const planted = sodium.crypto_box_keypair();
    const liar = lyingServer();
    lieAboutUsers(liar, (users) =>
      users.map((u) => (u.id === stays.link.userId ? { ...u, publicKey: toBase64(planted.publicKey) } : u)),
    );
    const duty = await runKeyDuty({ ...a.ctx, fetch: liar.fetch });
    expect(duty).toEqual({ ok: false, error: 'member-key-changed' });
    const rotate = liar.sent.find((r) => r.method === 'POST' && r.path === '/keys/rotate')?.body as
      RotateRequest | undefined;
    expect(rotate).toBeUndefined();
    const sealed = rotate?.grants.find((g) => g.userId === stays.link.userId)?.sealed;
    const grant = sealed
      ? openRotationGrant(sodium, new EnvelopeCipher(sodium), sealed, {
          userId: stays.link.userId,
          publicKey: planted.publicKey,
          secretKey: planted.privateKey,
        })
      : null;
    const stolen = grant?.unlock(removedHolds.key) ?? null;

    if (grant && stolen) {
      // It is the page key the admin's device now wraps everything new with.
      const newKey = { id: grant.epochId, key: stolen };
      expect(a.session.pageKeys.current.id).toBe(newKey.id);
      expect(sameBytes(a.session.pageKeys.current.key, stolen)).toBe(true);
      const created = await a.session.people.create(bram);
      await a.sync();
      expect(await serverEntry(created.subjectId, newKey)).not.toBeNull();
      // Re-sealed to the real member's key, it is adopted without a trace.
      const hide = lyingServer();
      const resealed = await forgeGrant(stays, removedHolds, newKey);
      lieAboutKeys(hide, (keys) => ({ ...keys, grants: [{ epochId: newKey.id, sealed: resealed }] }));
      ok(await catchUpKeys(through(stays, hide)));
      await stays.sync();
      expect((await stays.session.people.get(created.id)).data.familyName).toBe(bram.familyName);
    }
    // What the threat model promises: nothing the rotation produced gives the removed member the new key.
    expect(stolen).toBeNull();
  });

  // GAP (confidentiality). Same place: rotatePageKey takes the membership from GET /users (`u.active &&
  // u.status !== 'removed'`), so pinning public keys alone is not enough. A lying server lists the member this
  // very device just removed as still active, or adds a user of its own with a key pair it made; the admin's
  // device seals the new page key to them. (The real server refuses those grants as 'grants-incomplete', so
  // here they are taken out of what reaches it, as a lying server that accepts them would store them.)
  it.fails(
    'GAP: a lying member list (the removed member still active, a user the server made up) gets the new page key sealed to it',
    async () => {
      const { a, removedHolds, removedKeys } = await removalScene();
      const sodium = await loadSodium();
      const ghost = { id: newId(), ...sodium.crypto_box_keypair() };
      const liar = lyingServer();
      lieAboutUsers(liar, (users) => [
        ...users.map((u) =>
          u.id === removedKeys.userId ? { ...u, status: 'active' as const, active: true } : u,
        ),
        {
          id: ghost.id,
          role: 'sales',
          publicKey: toBase64(ghost.publicKey),
          keyProof: null,
          active: true,
          status: 'active',
        },
      ]);
      const dropping = droppingGrants(
        liar.fetch,
        (userId) => userId === removedKeys.userId || userId === ghost.id,
      );
      await runKeyDuty({ ...a.ctx, fetch: dropping.fetch });
      const grants = dropping.rotations.at(-1)?.grants ?? [];
      const open = (userId: string, publicKey: Uint8Array, secretKey: Uint8Array) => {
        const sealed = grants.find((g) => g.userId === userId)?.sealed;
        const grant = sealed
          ? openRotationGrant(sodium, new EnvelopeCipher(sodium), sealed, { userId, publicKey, secretKey })
          : null;
        return grant ? { id: grant.epochId, key: grant.unlock(removedHolds.key) } : null;
      };
      const byRemoved = open(removedKeys.userId, removedKeys.publicKey, removedKeys.secretKey);
      const byGhost = open(ghost.id, ghost.publicKey, ghost.privateKey);
      if (byRemoved?.key) {
        // The rotation went ahead and the removed member reads what is added after it.
        expect(a.session.pageKeys.current.id).toBe(byRemoved.id);
        const created = await a.session.people.create(bram);
        await a.sync();
        expect(await serverEntry(created.subjectId, { id: byRemoved.id, key: byRemoved.key })).not.toBeNull();
        expect(byGhost?.key && sameBytes(byGhost.key, byRemoved.key)).toBe(true);
      }
      expect([byRemoved?.key ?? null, byGhost?.key ?? null]).toEqual([null, null]);
    },
  );

  // GAP (confidentiality, and a key made elsewhere adopted). walkGrants / openRotationGrant
  // (shared/vault/page-keys.ts) accept any grant that unlocks under the device's current page key; the
  // signature is checked against the signer key the grant itself carries, which proves nothing. For a
  // device that was offline while a member was removed, that current key is the one the removed member
  // kept. With the server they forge a grant to a key of their own, under the real new epoch's id: the
  // device adopts it, re-wraps its own pages under it, writes new people under it, and the real server
  // accepts those pages (their keyId is the current epoch's).
  it.fails(
    'GAP: a device that was offline during a removal adopts a key the server and the removed member made',
    async () => {
      const { a, stays, removedHolds } = await removalScene();
      const offline = await stays.session.people.create(bram);
      ok(await runKeyDuty(a.ctx));
      await a.sync();
      const e1 = ok(await fetchKeys(fetch, a.link)).epochs.at(-1)!.epochId;
      const planted = { id: e1, key: randomBytes(32) };
      const liar = lyingServer();
      const sealed = await forgeGrant(stays, removedHolds, planted);
      lieAboutKeys(liar, (keys) => ({ ...keys, grants: [{ epochId: e1, sealed }] }));
      ok(await catchUpKeys(through(stays, liar)));
      const later = await stays.session.people.create({ ...annelies, familyName: 'Na de verwijdering' });
      await stays.sync();
      const leakedOffline = await serverEntry(offline.subjectId, planted);
      const leakedLater = await serverEntry(later.subjectId, planted);
      if (leakedLater) {
        expect(leakedOffline).not.toBeNull();
        expect(sameBytes(stays.session.pageKeys.current.key, planted.key)).toBe(true);
        // And the genuine new key no longer opens what this device writes.
        expect(await serverEntry(later.subjectId, copyKey(a.session.pageKeys.current))).toBeNull();
      }
      expect([leakedOffline, leakedLater]).toEqual([null, null]);
    },
  );

  // Was a gap (a device lost what it could read), closed: a grant from epoch e0 to "e0" (same id, a key the
  // colluders made) was adopted as the current key, and ringKey() then answered the planted key for every
  // page under e0. openRotationGrant now refuses a grant to its own epoch and walkGrants one to an epoch it
  // has seen (which also ends a loop). A later "e0 is finished" makes
  // catchUpKeys destroy the genuine e0 (no page is under another id, so localPending is 0): the person this
  // device added offline, never synced, is gone for good, and the genuine grant to e1 no longer opens from
  // the ring. (With the planted key equal to the genuine one, the same grant makes walkGrants loop forever.)
  it('a grant from the old epoch to itself neither shadows the genuine key nor lets a lie that it finished destroy it', async () => {
    const { a, stays, removedHolds } = await removalScene();
    const offline = await stays.session.people.create(bram);
    ok(await runKeyDuty(a.ctx));
    const shadow = { id: removedHolds.id, key: randomBytes(32) };
    const liar = lyingServer();
    const sealed = await forgeGrant(stays, removedHolds, shadow);
    lieAboutKeys(liar, (keys) => ({ ...keys, grants: [{ epochId: shadow.id, sealed }] }));
    await catchUpKeys(through(stays, liar));
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      grants: [],
      epochs: keys.epochs
        .filter((e) => e.epochId === removedHolds.id)
        .map((e) => ({ ...e, finishedAt: Date.now() })),
      pendingPages: 0,
    }));
    await catchUpKeys(through(stays, liar));
    await catchUpKeys(stays.ctx);
    const after = await readAll(stays);
    if (after.problems) {
      expect(sameBytes(stays.session.pageKeys.current.key, shadow.key)).toBe(true);
      expect(stays.session.pageKeys.older).toEqual([]);
    }
    expect(after).toEqual({
      names: [`${annelies.familyName} 0`, offline.data.familyName].sort(),
      problems: 0,
    });
  });

  // GAP (confidentiality, during every rotation's window). A device keeps the older page key until the epoch
  // finishes, and takes a data key from any key page under it. The removed member holds that key: with the
  // server they plant a key page under e0 (same page id, a data key of their own for an existing person),
  // the device pulls it, and what it adds about that person afterwards is sealed with the planted data key
  // (shared/store/data-keys.ts keyFor; ItemRepository.createMany). An admin's device would go
  // further and re-wrap the planted page under the new epoch (rewrapPages), making it permanent.
  it.fails(
    'GAP: a key page the server and the removed member plant under the old epoch makes new data about a person readable to them',
    async () => {
      const { a, stays, removedHolds } = await removalScene();
      const person = (await a.session.people.loadAll()).records[0]!;
      ok(await runKeyDuty(a.ctx));
      // The member catches up honestly: new key adopted, e0 kept while pages are under it (the admin has not
      // pushed its re-wrap yet).
      ok(await catchUpKeys(stays.ctx));
      expect(stays.session.pageKeys.older.map((k) => k.id)).toEqual([removedHolds.id]);

      const page = (await stays.db.keys.find().exec())
        .map((d) => d.toJSON() as KeyPage)
        .find((p) => p.payload.includes(person.subjectId))!;
      const plantedDataKey = randomBytes(32);
      const sealedEntry = (await cipher()).sealBytes(plantedDataKey, removedHolds.key, {
        collection: 'keys',
        id: person.subjectId,
        keyId: removedHolds.id,
      });
      const forged = {
        id: page.id,
        keyId: removedHolds.id,
        payload: JSON.stringify({ [person.subjectId]: sealedEntry }),
        _deleted: false,
      };
      const liar = lyingServer();
      liar.lie('GET', '/sync/keys/pull', (value) => ({
        ...value,
        documents: [...(value.documents as { id: string }[]).filter((d) => d.id !== page.id), forged],
      }));
      await stays.sync(liar.fetch);

      const deal = await stays.session.items(DEAL_CONFIG).create(person.subjectId, {
        title: 'Verlenging na de verwijdering',
        stageId: 'lead',
        ownerId: stays.link.userId,
        personId: person.id,
      });
      await stays.sync();
      const item = (
        await serverDocs<{ id: string; subjectId: string; keyId: string; payload: string }>('items')
      ).find((d) => d.id === deal.id);
      const leaked = await openItem(item, plantedDataKey);
      if (leaked) {
        expect(sameBytes(await stays.session.dataKey(person.subjectId, page.id), plantedDataKey)).toBe(true);
        expect(leaked).toMatchObject({ title: 'Verlenging na de verwijdering' });
      }
      expect(leaked).toBeNull();
    },
  );

  // Was a bug (robustness; availability only), fixed: openRotationGrant (shared/vault/page-keys.ts)
  // destructured the parsed JSON before checking it is an object: a grant that opens to `null` (anyone can seal to a public
  // key) throws a TypeError out of walkGrants, so catchUpKeys and signInOnNewDevice reject instead of
  // answering, and the genuine grant next to it is never reached. Fix: `if (!value || typeof value !==
  // 'object') return null` before destructuring.
  it('a grant that opens to JSON null is skipped, not thrown out of the walk', async () => {
    const a = await admin(place, 1);
    const m = await join(place, a);
    const rotated = ok(await rotatePageKey(a.ctx, 'manual'));
    const sodium = await loadSodium();
    const junk = toBase64(sodium.crypto_box_seal(utf8('null'), m.session.userPublicKey));
    const liar = lyingServer();
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      grants: [{ epochId: rotated.epochId, sealed: junk }, ...keys.grants],
    }));
    await expect(catchUpKeys(through(m, liar))).resolves.toMatchObject({ ok: true });
    expect(m.session.pageKeys.current.id).toBe(rotated.epochId);
  });

  // Was a bug (availability only; the server can always withhold grants), fixed: walkGrants took the first
  // grant whose previousEpochId matched and stopped when it did not unlock, although its comment says grants that do not
  // open are skipped: a forged grant listed before the genuine one keeps the device on the older key. Fix:
  // try every grant from the current epoch until one unlocks.
  it('a forged grant listed before the genuine one does not stop the walk', async () => {
    const a = await admin(place, 1);
    const m = await join(place, a);
    const e0 = m.session.pageKeys.current.id;
    const rotated = ok(await rotatePageKey(a.ctx, 'manual'));
    const forged = await forgeGrant(
      m,
      { id: e0, key: randomBytes(32) },
      { id: rotated.epochId, key: randomBytes(32) },
    );
    const liar = lyingServer();
    lieAboutKeys(liar, (keys) => ({
      ...keys,
      grants: [{ epochId: rotated.epochId, sealed: forged }, ...keys.grants],
    }));
    ok(await catchUpKeys(through(m, liar)));
    expect(m.session.pageKeys.current.id).toBe(rotated.epochId);
  });
});

/**
 * Wraps a fetch so POST /keys/rotate reaches it without the grants `drop` names, and keeps what the admin's
 * device sent in full: a lying server stores whatever it is sent, the real one refuses grants for users it
 * does not count as members.
 */
function droppingGrants(inner: Fetch, drop: (userId: string) => boolean) {
  const rotations: RotateRequest[] = [];
  const wrapped: Fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).pathname === '/keys/rotate' && typeof init?.body === 'string') {
      const body = JSON.parse(init.body) as RotateRequest;
      rotations.push(body);
      const forwarded = { ...body, grants: body.grants.filter((g) => !drop(g.userId)) };
      return inner(input, { ...init, body: JSON.stringify(forwarded) });
    }
    return inner(input, init);
  };
  return { fetch: wrapped, rotations };
}
