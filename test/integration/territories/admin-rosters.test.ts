// Every admin holds every territory's key, whichever admin's device made it (issue 19), against the real
// server on both storage adapters: admin 1's device lets in a sales user and admin 2; its roster (signed,
// sealed under the organisation key: territories/roster.ts) names them; admin 2, on a device of their own,
// defines a territory for the sales user and moves a customer into it; the sales device (which trusts only
// admin 1's device) opens it, and so does admin 1's device; once admin 1 demotes admin 2, admin 2's grant
// no longer counts. An admin let in after a territory was made is handed it on the next pass. A roster a
// member's device signed, planted by a lying server with a grant that member made, is refused and audited.
// Review F1: admin 1 lets in R as an admin, R lets in A3 as an admin (A3 trusts R's device and itself
// only); a roster R's device signs with `at` far ahead is refused; admin 1 demotes R, R's device says so
// once more; A3, told by a lying server that R is still an admin, hands R no territory it defines.
import { describe, expect, it } from 'vitest';
import { loadSodium, newId, toBase64 } from '../../../shared/crypto';
import { changeMemberOnServer, completeInvites, inviteUser } from '../../../shared/sync/admin';
import { sessionPendingInvites } from '../../../shared/sync/pending-invites';
import { memberPins } from '../../../shared/sync/member-pins';
import {
  ADMIN_ROSTER,
  applyTerritoryRules,
  defineTerritory,
  refreshHeldTerritories,
  refreshTerritoryKeys,
  sealTerritoryGrant,
} from '../../../shared/territories';
import { lyingServer } from '../sync/lying-server';
import { admin as connectedAdmin, joinWithInvite, ok, type Place } from '../sync/members';
import { dexieDatabase, newIndexedDb } from '../../helpers/store';
import { facts, names, NORTH } from './organisation';
import { fieldUser, finishedField, useTerritoryServer, type FieldDevice, type OpenField } from './setup';

const NOORD = {
  name: 'Noord',
  rules: { owners: [], countries: [], tags: [], postalRanges: [{ country: 'NL', from: '1000', to: '1999' }] },
  managers: [],
};

/** A roster `by`'s device signs as it likes (no user named: the first format), as the server would list it. */
const signRoster = async (
  by: OpenField,
  seq: number,
  entries: Record<string, { publicKey: string | null; role: 'admin' | 'sales' | 'removed'; at: number }>,
) => {
  const sodium = await loadSodium();
  const signer = await by.session.deviceSigner();
  const message = `kluis-admin-roster-v1|${signer.publicKey}|${seq}|${JSON.stringify(
    Object.keys(entries)
      .sort()
      .map((u) => [u, entries[u]!.publicKey, entries[u]!.role, entries[u]!.at]),
  )}`;
  const hash = toBase64(sodium.crypto_generichash(18, new TextEncoder().encode(signer.publicKey), null));
  const id = `roster-${hash.replace(/\+/g, '-').replace(/\//g, '_')}`;
  await by.session
    .settings(ADMIN_ROSTER)
    .put({ signer: signer.publicKey, seq, entries, sig: signer.sign(message) }, id);
};

/**
 * An admin invited from `r`'s device and let in by it, on a database of their own; RxDB keeps 13
 * collections open (the connected admin's and one more database), so each side is closed in turn.
 * Opened again as setup.ts's field devices are.
 */
const adminLetInBy = async (place: Place, r: FieldDevice): Promise<FieldDevice> => {
  let by = await r.open();
  const pending = sessionPendingInvites(by.session);
  const invited = ok(await inviteUser(fetch, by.link, 'admin', pending, memberPins(by.session.db)));
  await by.close();
  const idb = newIndexedDb();
  const name = 'kluis-a3';
  let db = await dexieDatabase(idb, name);
  const joined = ok(await joinWithInvite(place, db, invited));
  await db.close();
  by = await r.open();
  try {
    const signer = await by.session.deviceSigner();
    const sealing = () => ({
      orgKey: by.session.orgKey,
      orgKeyId: by.session.orgKeyId,
      signer,
      pageKey: by.session.epochPageKey,
    });
    await completeInvites(
      fetch,
      by.link,
      sessionPendingInvites(by.session),
      sealing,
      memberPins(by.session.db),
    );
  } finally {
    await by.close();
  }
  db = await dexieDatabase(idb, name);
  return finishedField(place, joined, db, idb, name);
};

const kinds = async (session: { audit: { entries(): Promise<{ entries: { kind: string }[] }> } }) =>
  (await session.audit.entries()).entries.map((e) => e.kind);

describe.each(['sqlite', 'postgres'] as const)('every admin holds every territory: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  /** Admin 1 with a sales user and admin 2 let in from their device, and admin 1's roster on the server. */
  const organisation = async () => {
    const { place } = fixture.current;
    const first = await connectedAdmin(place, 0);
    const sales = await fieldUser(place, first);
    const second = await fieldUser(place, first, { role: 'admin' });
    const firstCtx = { fetch, link: first.link, session: first.session };
    // Admin 1's pass over the territories (as on every sync) publishes its roster.
    ok(await refreshHeldTerritories(firstCtx));
    await first.sync();
    return { first, sales, second, firstCtx };
  };

  it("a territory admin 2 defined reaches the sales user admin 1 let in, and admin 1's device", async () => {
    const { first, sales, second, firstCtx } = await organisation();
    // The sales device reads the rosters with the organisation's settings.
    const s0 = await sales.open();
    await s0.syncGuarded();
    await s0.close();

    const b = await second.open();
    let tag: string;
    let epochId: string;
    try {
      await b.sync();
      const ctx = { fetch, link: b.link, session: b.session };
      const north = ok(await defineTerritory(ctx, { ...NOORD, members: [sales.link.userId] }));
      ({ tag, epochId } = north.data);
      // Admin 1 holds it too: admin 2's device took admin 1 from admin 1's roster.
      expect([...north.data.holders].sort()).toEqual(
        [sales.link.userId, b.link.userId, first.link.userId].sort(),
      );
      await b.session.people.create(NORTH);
      expect((await applyTerritoryRules(ctx, await facts(b.session))).moved).toEqual({ [tag]: 1 });
      await b.sync();
    } finally {
      await b.close();
    }

    const s = await sales.open();
    try {
      const refreshed = ok(await refreshTerritoryKeys({ fetch, link: s.link, session: s.session }));
      expect(refreshed).toEqual({ tags: [tag], refused: 0 });
      await s.syncGuarded();
      expect(await names(s.session)).toEqual(['Annelies']);
    } finally {
      await s.close();
    }

    expect(ok(await refreshTerritoryKeys(firstCtx))).toEqual({ tags: [tag], refused: 0 });
    expect([...first.session.territoryKeys.keys()]).toEqual([`t${tag}:${epochId}`]);
    await first.sync();
    expect(await names(first.session)).toEqual(['Annelies']);

    // Admin 1 demotes admin 2; once admin 1's roster says so, admin 2's grant counts no more.
    const pins = memberPins(first.session.db);
    ok(
      (
        await changeMemberOnServer({
          fetch,
          link: first.link,
          userId: second.link.userId,
          change: { kind: 'role', role: 'sales' },
          pins,
        })
      ).result,
    );
    ok(await refreshHeldTerritories(firstCtx));
    await first.sync();
    const later = await sales.open();
    try {
      await later.syncGuarded();
      expect(ok(await refreshTerritoryKeys({ fetch, link: later.link, session: later.session }))).toEqual({
        tags: [],
        refused: 1,
      });
    } finally {
      await later.close();
    }
  });

  it("an admin let in after a territory was made is handed it on admin 1's next pass", async () => {
    const { place, territories } = fixture.current;
    const first = await connectedAdmin(place, 0);
    const sales = await fieldUser(place, first);
    const firstCtx = { fetch, link: first.link, session: first.session };
    const north = ok(await defineTerritory(firstCtx, { ...NOORD, members: [sales.link.userId] }));
    const second = await fieldUser(place, first, { role: 'admin' });
    ok(await refreshHeldTerritories(firstCtx));
    const held = (await territories.holders(first.link.orgId)).find((t) => t.tag === north.data.tag)!;
    expect([...held.holders].sort()).toEqual(
      [sales.link.userId, first.link.userId, second.link.userId].sort(),
    );
    const b = await second.open();
    try {
      expect(ok(await refreshTerritoryKeys({ fetch, link: b.link, session: b.session }))).toEqual({
        tags: [north.data.tag],
        refused: 0,
      });
    } finally {
      await b.close();
    }
  });

  it('a roster a sales device signed, planted by the server with its grant, is refused and audited', async () => {
    const { first, sales, firstCtx } = await organisation();
    const forger = await fieldUser(fixture.current.place, first);
    const north = ok(await defineTerritory(firstCtx, { ...NOORD, members: [forger.link.userId] }));
    await first.sync();
    // The forger holds the organisation key and a device key: a roster naming them an admin, and a grant
    // for the sales user vouched for by their user key, as the server would hand them out.
    const sodium = await loadSodium();
    const salesKey = (await memberPins(first.session.db).keyOf(sales.link.userId))!;
    const f = await forger.open();
    let planted: Record<string, unknown>;
    let grant: { tag: string; epochId: string; sealed: string };
    try {
      const signer = await f.session.deviceSigner();
      const entries = {
        [f.link.userId]: {
          publicKey: toBase64(f.session.userPublicKey),
          role: 'admin' as const,
          at: Date.now(),
        },
      };
      const unsigned = { signer: signer.publicKey, seq: 1, entries };
      const message = `kluis-admin-roster-v1|${signer.publicKey}|1|${JSON.stringify([
        [f.link.userId, entries[f.link.userId]!.publicKey, 'admin', entries[f.link.userId]!.at],
      ])}`;
      const hash = toBase64(sodium.crypto_generichash(18, new TextEncoder().encode(signer.publicKey), null));
      const id = `roster-${hash.replace(/\+/g, '-').replace(/\//g, '_')}`;
      await f.session.settings(ADMIN_ROSTER).put({ ...unsigned, sig: signer.sign(message) }, id);
      const stored = (await f.db.settings.find({ selector: { kind: 'admin-roster' } }).exec())
        .map((d) => d.toJSON())
        .find((d) => d.id.endsWith(id))!;
      planted = {
        id: stored.id,
        kind: stored.kind,
        keyId: stored.keyId,
        v: stored.v,
        payload: stored.payload,
        updatedAt: stored.updatedAt,
        _deleted: false,
      };
      const secretKey = f.session.exportUserSecretKey();
      const epoch = newId();
      grant = {
        tag: north.data.tag,
        epochId: epoch,
        sealed: sealTerritoryGrant(
          sodium,
          signer,
          f.session.orgKey,
          {
            userId: sales.link.userId,
            publicKey: salesKey,
            tag: north.data.tag,
            epochId: epoch,
            key: sodium.randombytes_buf(32),
          },
          { userId: f.link.userId, publicKey: f.session.userPublicKey, secretKey },
        ),
      };
      secretKey.fill(0);
    } finally {
      await f.close();
    }
    const liar = lyingServer();
    liar.lie('GET', '/sync/settings/pull', (value) => ({
      ...value,
      documents: [...(value.documents as unknown[]), planted],
    }));
    liar.lie('GET', '/territories/grants', (value) => ({ grants: [grant, ...(value.grants as unknown[])] }));
    const s = await sales.open();
    try {
      await s.syncGuarded(liar.fetch);
      expect(liar.calls()).toContain('GET /sync/settings/pull');
      const refreshed = ok(
        await refreshTerritoryKeys({ fetch: liar.fetch, link: s.link, session: s.session }),
      );
      expect(refreshed).toEqual({ tags: [], refused: 1 });
      expect(s.session.territoryKeys.size).toBe(0);
      // Refused once, audited once (with the setting's id and the reason only).
      ok(await refreshTerritoryKeys({ fetch: liar.fetch, link: s.link, session: s.session }));
      expect((await kinds(s.session)).filter((k) => k === 'admin-roster-refused')).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it('an admin demoted by admin 1 gets no territory from the admin device they let in, whatever the server says', async () => {
    const { place, territories } = fixture.current;
    const first = await connectedAdmin(place, 0);
    const firstCtx = { fetch, link: first.link, session: first.session };
    const r = await fieldUser(place, first, { role: 'admin' });
    ok(await refreshHeldTerritories(firstCtx));
    await first.sync();
    const rId = r.link.userId;
    const a3 = await adminLetInBy(place, r);
    // R's pass as an admin: its roster names R and A3 admins; A3 takes it.
    let rDevice = await r.open();
    try {
      await rDevice.sync();
      ok(await refreshHeldTerritories({ fetch, link: rDevice.link, session: rDevice.session }));
      await rDevice.sync();
    } finally {
      await rDevice.close();
    }
    let a = await a3.open();
    try {
      await a.sync();
      ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session }));
    } finally {
      await a.close();
    }
    // R's device signs "R admin" dated as far ahead as it can; A3 refuses it.
    rDevice = await r.open();
    try {
      const own = (await rDevice.session.deviceSigner()).publicKey;
      const seq = (await rDevice.session.settings(ADMIN_ROSTER).list()).records.find(
        (x) => x.data.signer === own,
      )!.data.seq;
      await signRoster(rDevice, seq + 1, {
        [rId]: {
          publicKey: toBase64(rDevice.session.userPublicKey),
          role: 'admin',
          at: Number.MAX_SAFE_INTEGER,
        },
      });
      await rDevice.sync();
    } finally {
      await rDevice.close();
    }
    a = await a3.open();
    try {
      await a.sync();
      ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session }));
      const refused = (await a.session.audit.entries()).entries.filter(
        (e) => e.kind === 'admin-roster-refused',
      );
      // Admin 1's roster is refused too: A3 trusts no device of admin 1's.
      expect(refused.map((e) => (e.details as { reason?: string }).reason).sort()).toEqual([
        'future',
        'signer',
      ]);
    } finally {
      await a.close();
    }

    // Admin 1 demotes R; admin 1's roster says so.
    ok(
      (
        await changeMemberOnServer({
          fetch,
          link: first.link,
          userId: rId,
          change: { kind: 'role', role: 'sales' },
          pins: memberPins(first.session.db),
        })
      ).result,
    );
    ok(await refreshHeldTerritories(firstCtx));
    await first.sync();

    // A lying server lists R as an admin still; A3 defines a territory and passes over every territory.
    const liar = lyingServer();
    liar.lie(
      'GET',
      '/users',
      (value) =>
        (value as unknown as { id: string; role: string }[]).map((u) =>
          u.id === rId ? { ...u, role: 'admin' } : u,
        ) as unknown as Record<string, unknown>,
    );
    a = await a3.open();
    try {
      await a.sync();
      const ctx = { fetch: liar.fetch, link: a.link, session: a.session };
      const north = ok(await defineTerritory(ctx, { ...NOORD, members: [] }));
      ok(await refreshHeldTerritories(ctx));
      expect(liar.calls()).toContain('GET /users');
      expect(north.data.holders).not.toContain(rId);
      const held = (await territories.holders(a.link.orgId)).find((t) => t.tag === north.data.tag)!;
      expect(held.holders).toContain(a.link.userId);
      expect(held.holders).not.toContain(rId);
      expect(await kinds(a.session)).toContain('admin-device-distrusted');
    } finally {
      await a.close();
    }
  }, 120_000);
});
