// The malicious-server suite: the real client code against the real server, with a man in the middle
// (lying-server.ts) rewriting the server's answers. A KDF downgrade, a substituted organisation key or
// public key, and a forged or replayed grant are each refused before the device derives, stores or sends
// anything secret — and the vault stays empty.
import { describe, expect, it } from 'vitest';
import { fromBase64, randomBytes, toBase64 } from '../../../shared/crypto/bytes';
import { KDF_FLOOR } from '../../../shared/crypto/kdf';
import { loadSodium } from '../../../shared/crypto/sodium';
import type { KluisDatabase } from '../../../shared/store/database';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { completeInvites, inviteUser } from '../../../shared/sync/admin';
import { EnvelopeCipher } from '../../../shared/crypto/envelope';
import { sealGrant } from '../../../shared/sync/invite';
import { signErasureOrder } from '../../../shared/erasure/erasure-order';
import { ErasureSync } from '../../../shared/erasure/erasure-sync';
import { annelies } from '../../fixtures/people';
import { newSigningPair, signerFrom } from '../../../shared/crypto';
import { sessionPendingInvites } from '../../../shared/sync/pending-invites';
import { PASSPHRASE } from '../../helpers/store';
import { lyingServer } from './lying-server';
import { useServerFixture } from '../server/server-fixture';
import { connectedVault, fixturePlace, joinWithInvite } from './members';

const NEWCOMER_PASSPHRASE = 'blauwe reiger op het ijs';

const fixture = useServerFixture();
const newDb = () => fixture.newDb();

const place = fixturePlace(fixture);
const connectedAdmin = () => connectedVault(place, { linkable: true });

/** The keyring material the server keeps (base64 JSON) with other KDF parameters. */
const withKdf = (material: string, change: Record<string, unknown>): string => {
  const value = JSON.parse(Buffer.from(material, 'base64').toString('utf8')) as { kdf: object };
  return Buffer.from(JSON.stringify({ ...value, kdf: { ...value.kdf, ...change } })).toString('base64');
};

const signInThrough = async (liar: ReturnType<typeof lyingServer>, userId: string, db: KluisDatabase) =>
  signInOnNewDevice({ fetch: liar.fetch, serverUrl: fixture.server.url, db, userId, passphrase: PASSPHRASE });

describe('a lying server on a new device sign-in', () => {
  it('refuses a KDF downgrade before deriving or sending anything: no verifier leaves the device', async () => {
    const admin = await connectedAdmin();
    const db = await newDb();
    for (const [change, refusal] of [
      [{ opsLimit: 1, memLimitBytes: 8 * 1024 }, 'kdf-too-weak'],
      [{ opsLimit: KDF_FLOOR.opsLimit - 1 }, 'kdf-too-weak'],
      [{ memLimitBytes: KDF_FLOOR.memLimitBytes / 2 }, 'kdf-too-weak'],
      [{ memLimitBytes: 4 * 1024 ** 3 }, 'kdf-unsupported'],
      [{ algorithm: 'argon2i13' }, 'kdf-unsupported'],
      [{ salt: toBase64(randomBytes(4)) }, 'kdf-unsupported'],
    ] as const) {
      const liar = lyingServer();
      liar.lie('POST', '/auth/prelogin', (value) => ({ kdf: withKdf(value.kdf as string, change) }));
      expect(await signInThrough(liar, admin.link.userId, db)).toEqual({ ok: false, error: refusal });
      // The downgrade answer was read, and nothing else was sent: no verifier, no sign-in.
      expect(liar.calls()).toEqual(['POST /auth/prelogin']);
    }
    expect(await db.vault.count().exec()).toBe(0);
    // The honest answer still signs in: the floor is below the app's own cost.
    const honest = await signInThrough(lyingServer(), admin.link.userId, db);
    expect(honest.ok).toBe(true);
  });

  it('refuses an organisation key of the server’s own sealed to the user, and stores nothing', async () => {
    const admin = await connectedAdmin();
    const sodium = await loadSodium();
    const serverKey = randomBytes(32);
    const sealedToUser = (user: Record<string, unknown>) =>
      toBase64(sodium.crypto_box_seal(serverKey, fromBase64((user.keys as { publicKey: string }).publicKey)));
    const substitutions: ((user: Record<string, unknown>) => Record<string, unknown>)[] = [
      // The sealed key swapped; the passphrase's box still names the real key.
      (user) => ({ ...user, sealedOrgKey: sealedToUser(user) }),
      // The box dropped, so only the server's sealed key is left.
      (user) => ({
        ...user,
        sealedOrgKey: sealedToUser(user),
        keys: { ...(user.keys as object), orgKeyBox: undefined },
      }),
      // The box swapped for another (a server cannot make one that opens: it lacks the passphrase).
      (user) => ({
        ...user,
        keys: {
          ...(user.keys as object),
          orgKeyBox: (user.keys as { encryptedSecretKey: string }).encryptedSecretKey,
        },
      }),
    ];
    for (const substitute of substitutions) {
      const db = await newDb();
      const liar = lyingServer();
      liar.lie('POST', '/auth/sign-in', (value) => ({
        ...value,
        user: substitute(value.user as Record<string, unknown>),
      }));
      expect(await signInThrough(liar, admin.link.userId, db)).toEqual({
        ok: false,
        error: 'org-key-not-authenticated',
      });
      expect(liar.calls()).toEqual(['POST /auth/prelogin', 'POST /auth/sign-in']);
      expect(await db.vault.count().exec()).toBe(0);
      await fixture.closeDb(db);
    }
  });

  it('refuses a public key the server substituted, with a key pair of its own and the key sealed to it', async () => {
    const admin = await connectedAdmin();
    const sodium = await loadSodium();
    const pair = sodium.crypto_box_keypair();
    const db = await newDb();
    const liar = lyingServer();
    liar.lie('POST', '/auth/sign-in', (value) => {
      const user = value.user as { keys: Record<string, unknown> };
      return {
        ...value,
        user: {
          ...user,
          keys: { ...user.keys, publicKey: toBase64(pair.publicKey) },
          sealedOrgKey: toBase64(sodium.crypto_box_seal(randomBytes(32), pair.publicKey)),
        },
      };
    });
    expect(await signInThrough(liar, admin.link.userId, db)).toEqual({
      ok: false,
      error: 'org-key-not-authenticated',
    });
    expect(await db.vault.count().exec()).toBe(0);
  });
});

describe('a lying server while joining', () => {
  const invite = async () => {
    const admin = await connectedAdmin();
    const pending = sessionPendingInvites(admin.session);
    const invited = await inviteUser(fetch, admin.link, 'sales', pending);
    if (!invited.ok) throw new Error(invited.error);
    const signer = await admin.session.deviceSigner();
    const key = () => ({
      orgKey: admin.session.orgKey,
      orgKeyId: admin.session.orgKeyId,
      signer,
      pageKey: admin.session.epochPageKey,
    });
    return { admin, pending, key, ...invited.value };
  };

  it('the admin device seals nothing to a public key the server substituted at grant time', async () => {
    const { admin, pending, key, userId, inviteCode } = await invite();
    const joined = await joinWithInvite(
      place,
      await newDb(),
      { userId, inviteCode },
      NEWCOMER_PASSPHRASE,
      KDF_FLOOR,
    );
    if (!joined.ok) throw new Error(joined.error);
    const sodium = await loadSodium();
    const liar = lyingServer();
    liar.lie(
      'GET',
      '/users',
      (value) =>
        Object.values(value).map((user) =>
          (user as { id: string }).id === userId
            ? { ...(user as object), publicKey: toBase64(sodium.crypto_box_keypair().publicKey) }
            : user,
        ) as unknown as Record<string, unknown>,
    );
    const done = await completeInvites(liar.fetch, admin.link, pending, key);
    expect(done.ok && done.value.find((m) => m.id === userId)?.state).toBe('key-mismatch');
    expect(liar.calls().filter((c) => c.startsWith('PUT'))).toEqual([]);
    expect((await fixture.storage.getUser(userId))?.sealedOrgKey).toBeNull();
  });

  it('the newcomer refuses a forged grant, a bare key and a replayed grant, and stores nothing', async () => {
    const { admin, pending, key, userId, inviteCode } = await invite();
    const db = await newDb();
    const joined = await joinWithInvite(place, db, { userId, inviteCode }, NEWCOMER_PASSPHRASE, KDF_FLOOR);
    if (!joined.ok) throw new Error(joined.error);
    // A second invitee, joined on the same (still empty) database, whose real grant the server replays.
    const second = await inviteUser(fetch, admin.link, 'service', pending);
    if (!second.ok) throw new Error(second.error);
    const other = await joinWithInvite(place, db, second.value, NEWCOMER_PASSPHRASE, KDF_FLOOR);
    if (!other.ok) throw new Error(other.error);
    // The admin device seals both grants honestly.
    await completeInvites(fetch, admin.link, pending, key);
    const replayed = (await fixture.storage.getUser(second.value.userId))?.sealedOrgKey;
    expect(replayed).toBeTruthy();

    const sodium = await loadSodium();
    const publicKey = (await fixture.storage.getUser(userId))!.keys!.publicKey;
    const serverKey = randomBytes(32);
    const lies = [
      // A grant in the right shape with a MAC under a key the server made up, signed by a key of its own.
      sealGrant(
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
      ),
      // The first admin's form: the bare key, sealed to the newcomer.
      toBase64(sodium.crypto_box_seal(serverKey, fromBase64(publicKey))),
      // Another invitee's genuine grant.
      replayed!,
    ];
    for (const sealedOrgKey of lies) {
      const liar = lyingServer();
      liar.lie('GET', '/auth/me', (value) => ({ ...value, sealedOrgKey }));
      expect(await joined.value.finish(liar.fetch, db)).toEqual({ ok: false, error: 'grant-not-verified' });
      // Nothing was sent back: the key box is made only from a verified grant.
      expect(liar.calls()).toEqual(['GET /auth/me']);
      expect(await db.vault.count().exec()).toBe(0);
    }
    // The honest grant opens.
    const finished = await joined.value.finish(fetch, db);
    if (!finished.ok) throw new Error(finished.error);
    expect(finished.value.orgKey).toEqual(admin.session.orgKey);
  });
});

describe('a lying server in the erasure ledger', () => {
  it('an erasure order the server made up or changed purges nothing on a device', async () => {
    const admin = await connectedAdmin();
    const person = await admin.session.people.create(annelies);
    const sodium = await loadSodium();
    // The server signs with a key of its own; it cannot make the organisation-key proof.
    const serverSigner = signerFrom(sodium, newSigningPair(sodium));
    const made = signErasureOrder(sodium, randomBytes(32), serverSigner, admin.link.orgId, {
      subjectId: person.subjectId,
      requestId: 'req-made-up',
    });
    // A genuine order of this organisation, for another subject, redirected to this person.
    const genuine = signErasureOrder(
      sodium,
      admin.session.orgKey,
      await admin.session.deviceSigner(),
      admin.link.orgId,
      {
        subjectId: 'someone-else',
        requestId: 'req-1',
      },
    );
    const entry = (order: object, seq: number) => ({
      ...order,
      erasedAt: Date.now(),
      erasedBy: admin.link.userId,
      seq,
    });
    const liar = lyingServer();
    liar.lie('GET', '/erasures', () => ({
      erasures: [entry(made, 1), entry({ ...genuine, subjectId: person.subjectId }, 2)],
      checkpoint: 2,
    }));
    const ledger = new ErasureSync({ session: admin.session, fetch: liar.fetch, link: admin.link });
    expect(await ledger.pullLedger()).toEqual([]);
    expect((await admin.session.people.get(person.id)).data).toEqual(person.data);
    expect(liar.calls().filter((c) => c.includes('confirm'))).toEqual([]);
  });
});
