// Territory keys the server cannot hand out on its own (issue 19, review findings T2, T7, T8), against the
// real server on both storage adapters, with a lying server where the attack needs one:
// - T2: the server lists a sales user as an admin while the admin's device grants a territory; the admin's
//   device goes by the roles it gave itself, so the sales user gets no key of a territory not theirs (an
//   admin this device invited still gets every territory's);
// - T7: a member holds the organisation key and a device key, so they can make a grant that carries a valid
//   MAC and signature; planted by the server beside the genuine ones, it is refused: only grants signed by
//   an admin device the receiving device trusts are taken, also on the user's second device;
// - T8: a sales device pushes a key page of its own territory under an epoch it made up, or under a key
//   its page id does not name: the server refuses it.
import { describe, expect, it } from 'vitest';
import { loadSodium, newId } from '../../../shared/crypto';
import { signInOnNewDevice } from '../../../shared/sync/account';
import { memberPins } from '../../../shared/sync/member-pins';
import {
  applyTerritoryRules,
  defineTerritory,
  refreshTerritoryKeys,
  sealTerritoryGrant,
} from '../../../shared/territories';
import { KDF_FLOOR } from '../../../shared/crypto/kdf';
import { dexieDatabase, newIndexedDb } from '../../helpers/store';
import { lyingServer } from '../sync/lying-server';
import {
  admin as connectedAdmin,
  inviteAndLetIn,
  MEMBER_PASSPHRASE,
  ok,
  type Device,
  type Place,
} from '../sync/members';
import { facts, NORTH, SOUTH } from './organisation';
import { fieldUser, useTerritoryServer } from './setup';

const range = (from: string, to: string) => ({ country: 'NL', from, to });

/** Another admin, invited as one from the admin's device (which pins the role), joined and let in. */
const secondAdmin = async (place: Place, by: Device): Promise<string> => {
  const { invited, joined, db } = await inviteAndLetIn(place, by, { role: 'admin' });
  ok(await joined.finish(fetch, db)).lock();
  // RxDB's open-source build keeps few databases open at a time.
  await place.closeDb?.(db);
  return invited.userId;
};

describe.each(['sqlite', 'postgres'] as const)('territory grants the server cannot forge: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  /** The admin with a northern and a southern customer, and two sales users, one for each territory. */
  const organisation = async (via: typeof fetch = fetch) => {
    const { place } = fixture.current;
    const admin = await connectedAdmin(place, 0, {
      seed: async (session) => {
        await session.people.create(NORTH);
        await session.people.create(SOUTH);
      },
    });
    const salesA = await fieldUser(place, admin);
    const salesB = await fieldUser(place, admin);
    const ctx = { fetch: via, link: admin.link, session: admin.session };
    const define = async (name: string, from: string, to: string, member: string) =>
      ok(
        await defineTerritory(ctx, {
          name,
          rules: { owners: [], countries: [], tags: [], postalRanges: [range(from, to)] },
          members: [member],
          managers: [],
        }),
      );
    return { admin, salesA, salesB, ctx, define };
  };

  it('T2: a server that lists a sales user as an admin gets them no key of a territory not theirs', async () => {
    const liar = lyingServer();
    const { admin, salesA, salesB, define } = await organisation(liar.fetch);
    const otherAdmin = await secondAdmin(fixture.current.place, admin);
    // Sales user A is an admin, says the server to the admin's device.
    const asAdmin = (list: unknown) =>
      (list as { id: string; role: string }[]).map((u) =>
        u.id === salesA.link.userId ? { ...u, role: 'admin' } : u,
      );
    liar.lie('GET', '/users', (value) => asAdmin(value) as unknown as Record<string, unknown>);
    const north = await define('Noord', '1000', '1999', salesA.link.userId);
    const south = await define('Zuid', '5000', '5999', salesB.link.userId);
    expect(liar.calls()).toContain('GET /users');
    const holders = new Map(
      (await fixture.current.territories.holders(admin.link.orgId)).map((t) => [t.tag, t.holders]),
    );
    // South is held by its member, this admin and the admin this device invited as one; not by A.
    expect([...holders.get(south.data.tag)!].sort()).toEqual(
      [salesB.link.userId, admin.link.userId, otherAdmin].sort(),
    );
    expect(holders.get(north.data.tag)).toContain(salesA.link.userId);
    const a = await salesA.open();
    try {
      const refreshed = ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session }));
      expect(refreshed.tags).toEqual([north.data.tag]);
    } finally {
      await a.close();
    }
  });

  it("T7: a grant a member made, planted by the server beside the admin's, is refused", async () => {
    const { admin, salesA, salesB, define } = await organisation();
    const north = await define('Noord', '1000', '1999', salesA.link.userId);
    const south = await define('Zuid', '5000', '5999', salesB.link.userId);
    // Sales user B holds the organisation key and a device key of their own: they make A a key for south
    // (which the server would then route to A's device) and for north under a new epoch.
    const sodium = await loadSodium();
    const publicKey = (await memberPins(admin.session.db).keyOf(salesA.link.userId))!;
    const b = await salesB.open();
    const forge = async (tag: string, epochId: string) => ({
      tag,
      epochId,
      sealed: sealTerritoryGrant(sodium, await b.session.deviceSigner(), b.session.orgKey, {
        userId: salesA.link.userId,
        publicKey,
        tag,
        epochId,
        key: sodium.randombytes_buf(32),
      }),
    });
    const planted = [await forge(south.data.tag, newId()), await forge(north.data.tag, newId())];
    await b.close();
    const liar = lyingServer();
    liar.lie('GET', '/territories/grants', (value) => ({
      grants: [...planted, ...(value.grants as unknown[])],
    }));
    const a = await salesA.open();
    try {
      const refreshed = ok(
        await refreshTerritoryKeys({ fetch: liar.fetch, link: a.link, session: a.session }),
      );
      expect(liar.calls()).toContain('GET /territories/grants');
      expect(refreshed).toEqual({ tags: [north.data.tag], refused: 2 });
      expect([...a.session.territoryKeys.keys()]).toEqual([`t${north.data.tag}:${north.data.epochId}`]);
    } finally {
      await a.close();
    }
  });

  it("T7: the user's second device trusts the admin device the passphrase box names", async () => {
    const { place } = fixture.current;
    const admin = await connectedAdmin(place, 0);
    // A passphrase another device may sign in with (the cheap test KDF is refused there).
    const {
      invited,
      joined,
      db: first,
      signer,
    } = await inviteAndLetIn(place, admin, {
      openDb: () => dexieDatabase(newIndexedDb()),
      passphrase: MEMBER_PASSPHRASE,
      kdf: KDF_FLOOR,
    });
    ok(await joined.finish(fetch, first)).lock();
    await first.close();
    const north = ok(
      await defineTerritory(
        { fetch, link: admin.link, session: admin.session },
        {
          name: 'Noord',
          rules: { owners: [], countries: [], tags: [], postalRanges: [range('1000', '1999')] },
          members: [invited.userId],
          managers: [],
        },
      ),
    );
    const db = await place.newDb();
    const second = ok(
      await signInOnNewDevice({
        fetch,
        serverUrl: place.serverUrl,
        db,
        userId: invited.userId,
        passphrase: MEMBER_PASSPHRASE,
      }),
    );
    expect(await memberPins(db).signers()).toEqual([signer.publicKey]);
    const refreshed = ok(await refreshTerritoryKeys({ fetch, link: second.link, session: second.session }));
    expect(refreshed).toEqual({ tags: [north.data.tag], refused: 0 });
  });

  it('T8: a sales device cannot push a key page under a made-up epoch or a key its id does not name', async () => {
    const { admin, salesA, salesB, ctx, define } = await organisation();
    const north = await define('Noord', '1000', '1999', salesA.link.userId);
    const south = await define('Zuid', '5000', '5999', salesB.link.userId);
    await applyTerritoryRules(ctx, await facts(admin.session));
    await admin.sync();
    const { url } = fixture.current.server;
    const push = async (page: { id: string; keyId: string }) => {
      const response = await fetch(`${url}/sync/keys/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${salesA.link.token}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            newDocumentState: {
              ...page,
              payload: JSON.stringify({ [newId()]: 'x'.repeat(40) }),
              _deleted: false,
            },
            assumedMasterState: null,
          },
        ]),
      });
      return response.status;
    };
    const northPage = () => `t${north.data.tag}-${newId().slice(0, 30)}`;
    // A's own territory, under an epoch A made up: refused (it was stored).
    expect(await push({ id: northPage(), keyId: `t${north.data.tag}:${newId()}` })).toBe(403);
    // A's territory's page under south's key, and an organisation-wide page under north's key: refused.
    expect(await push({ id: northPage(), keyId: `t${south.data.tag}:${south.data.epochId}` })).toBe(403);
    expect(await push({ id: newId(), keyId: `t${north.data.tag}:${north.data.epochId}` })).toBe(403);
    // The positive control: a page of A's territory under its current epoch is taken.
    expect(await push({ id: northPage(), keyId: `t${north.data.tag}:${north.data.epochId}` })).toBe(200);
  });
});
