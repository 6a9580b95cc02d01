// Every admin holds every territory's key, whichever admin's device made it (issue 19), against the real
// server on both storage adapters: admin 1's device lets in a sales user and admin 2; its roster (signed,
// sealed under the organisation key: territories/roster.ts) names them; admin 2, on a device of their own,
// defines a territory for the sales user and moves a customer into it; the sales device (which trusts only
// admin 1's device) opens it, and so does admin 1's device; once admin 1 demotes admin 2, admin 2's grant
// no longer counts. An admin let in after a territory was made is handed it on the next pass. A roster a
// member's device signed, planted by a lying server with a grant that member made, is refused and audited.
import { describe, expect, it } from 'vitest';
import { loadSodium, newId, toBase64 } from '../../../shared/crypto';
import { changeMemberOnServer } from '../../../shared/sync/admin';
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
import { admin as connectedAdmin, ok } from '../sync/members';
import { facts, names, NORTH } from './organisation';
import { fieldUser, useTerritoryServer } from './setup';

const NOORD = {
  name: 'Noord',
  rules: { owners: [], countries: [], tags: [], postalRanges: [{ country: 'NL', from: '1000', to: '1999' }] },
  managers: [],
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
});
