// A territory's key moves to a new epoch when someone leaves it (issue 19), against the real server on both
// adapters. Sales user B is added to the north territory and then taken off it: the key moves on, the
// server takes north's pages only under the new epoch, every north page is re-wrapped under it, and a page
// written afterwards cannot be opened with the key B's device kept, even when a lying server hands it every
// north document. Sales user A, who stays, reads everything with the new grant. A's device, offline during
// the rotation, adds a customer under the old epoch: the server refuses that page, and the device re-wraps
// it once it reads its grants again, so nothing is lost. A rotation broken off after the server took its
// epoch is finished on the admin's next pass. A member removed from the organisation leaves the
// territories they held on the admin's next pass.
import { describe, expect, it } from 'vitest';
import { changeMember } from '../../../shared/sync/operations';
import { memberPins } from '../../../shared/sync/member-pins';
import { organisationTag, type KeyDoc } from '../../../shared/store';
import { newId, randomBytes } from '../../../shared/crypto';
import {
  grantTerritory,
  listTerritories,
  moveToTerritory,
  placeNewSubjects,
  refreshHeldTerritories,
  refreshTerritoryKeys,
  setTerritoryHolders,
  territoryKeyId,
  territoryOfPage,
} from '../../../shared/territories';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { lyingServer } from '../sync/lying-server';
import { ok, removeFromOrganisation, type Device } from '../sync/members';
import { address, names, NORTH, twoTerritories } from './organisation';
import { useTerritoryServer } from './setup';

const pushPage = (link: Device['link'], page: KeyDoc) =>
  fetch(`${link.serverUrl}/sync/keys/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${link.token}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      { newDocumentState: { id: page.id, keyId: page.keyId, payload: page.payload, _deleted: false } },
    ]),
  });

describe.each(['sqlite', 'postgres'] as const)('territory key rotation: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  /** The two territories, with B added to north and synced, then taken off it again. */
  const bLeavesNorth = async () => {
    const org = await twoTerritories(fixture.current);
    const { admin, salesA, salesB, north } = org;
    const ctx = { fetch, link: admin.link, session: admin.session };
    const both = { members: [salesA.link.userId, salesB.link.userId], managers: [] };
    ok(await setTerritoryHolders(ctx, north.data.tag, both));
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded();
    } finally {
      await a.close();
    }
    const b = await salesB.open();
    let keptByB: Uint8Array;
    try {
      await refreshTerritoryKeys({ fetch, link: b.link, session: b.session });
      await b.syncGuarded();
      expect(await names(b.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
      keptByB = new Uint8Array(
        b.session.territoryKeys.get(territoryKeyId(north.data.tag, north.data.epochId))!,
      );
    } finally {
      await b.close();
    }
    const oldEpoch = north.data.epochId;
    const rotated = ok(
      await setTerritoryHolders(ctx, north.data.tag, { members: [salesA.link.userId], managers: [] }),
    );
    return { ...org, ctx, oldEpoch, keptByB, rotated };
  };

  /** Every key page the server holds of the territory, live. */
  const serverPages = async (orgId: string, tag: string): Promise<KeyDoc[]> =>
    (await fixture.current.storage.pull(orgId, 'keys', 0, 1000)).docs
      .map((d) => JSON.parse(d.doc) as KeyDoc & { _deleted: boolean })
      .filter((p) => !p._deleted && territoryOfPage(p.id) === tag);

  it('taking a member off moves the key to a new epoch, re-wraps every page and keeps new pages from them', async () => {
    const { admin, salesA, salesB, north, ids, oldEpoch, keptByB, rotated } = await bLeavesNorth();
    const { tag } = north.data;
    const orgId = admin.link.orgId;
    // A new epoch: in the definition, on the server, held by the admin; B is a former holder.
    expect(rotated.data.epochId).not.toBe(oldEpoch);
    expect(rotated.data.holders).not.toContain(salesB.link.userId);
    expect(rotated.data.formerHolders.map((f) => f.userId)).toContain(salesB.link.userId);
    const onServer = (await fixture.current.territories.holders(orgId)).find((t) => t.tag === tag)!;
    expect(onServer.epochId).toBe(rotated.data.epochId);
    expect(onServer.holders).not.toContain(salesB.link.userId);
    const newKeyId = territoryKeyId(tag, rotated.data.epochId);
    expect([...admin.session.territoryKeys.keys()].filter((k) => k.startsWith(`t${tag}:`))).toEqual([
      newKeyId,
    ]);
    // Audited with the tag and counts only.
    const audit = (await admin.session.audit.entries()).entries.filter(
      (e) => e.kind === 'territory-rotation',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.recordIds).toEqual([tag]);
    expect(JSON.stringify(audit)).not.toContain(salesB.link.userId);

    // Every north page re-wrapped (the page ids stay, so the records that name them are unchanged).
    await admin.sync();
    const before = await serverPages(orgId, tag);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((p) => p.keyId === newKeyId)).toBe(true);

    // A customer the admin adds to north after the rotation.
    const later = (await admin.session.people.create({ ...NORTH, givenName: 'Later' })).id;
    ok(await refreshTerritoryKeys({ fetch, link: admin.link, session: admin.session }));
    expect((await moveToTerritory(admin.session, [later], rotated.data)).moved).toBe(1);
    await admin.sync();
    const laterPage = (await serverPages(orgId, tag)).find((p) => p.payload.includes(later))!;
    expect(laterPage.keyId).toBe(newKeyId);

    // The server refuses a north page under the old epoch, even from an admin's device.
    const stale = { ...laterPage, keyId: territoryKeyId(tag, oldEpoch) };
    expect((await pushPage(admin.link, stale)).status).toBe(403);

    // B's device kept the old key and a lying server hands it every north document: the page written after
    // the rotation does not open with the old key, and B reads no one new.
    const entry = (JSON.parse(laterPage.payload) as Record<string, string>)[later]!;
    expect(() =>
      admin.session.cipher.openBytes(entry, keptByB, {
        collection: 'keys',
        id: later,
        keyId: laterPage.keyId,
      }),
    ).toThrow();
    const liar = lyingServer();
    for (const collection of ['records', 'items', 'keys'] as const) {
      const all = (await fixture.current.storage.pull(orgId, collection, 0, 1000)).docs.map(
        (d) => JSON.parse(d.doc) as Record<string, unknown>,
      );
      liar.lie('GET', `/sync/${collection}/pull`, (value) => ({
        ...value,
        documents: [...(value.documents as unknown[]), ...all],
      }));
    }
    const b = await salesB.open();
    try {
      expect(b.session.territoryKeys.has(territoryKeyId(tag, oldEpoch))).toBe(true);
      await b.syncGuarded(liar.fetch);
      expect(liar.calls()).toContain('GET /sync/keys/pull');
      expect(await names(b.session)).not.toContain('Later');
      await expect(b.session.dataKey(later, laterPage.id)).rejects.toThrow();
    } finally {
      await b.close();
    }

    // A, who stays and held only the old epoch, gets the new grant and reads everyone, old and new.
    const a = await salesA.open();
    try {
      expect(ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session })).tags).toEqual([tag]);
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Later', 'Wessel']);
      expect(await a.session.dataKey(ids.north, before[0]!.id)).toBeInstanceOf(Uint8Array);
      // Once no page here is under the old epoch, its key goes.
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      expect([...a.session.territoryKeys.keys()]).toEqual([newKeyId]);
    } finally {
      await a.close();
    }
  });

  it('a customer added offline under the old epoch is refused, then re-wrapped and kept', async () => {
    const { admin, salesA, north, oldEpoch, rotated } = await bLeavesNorth();
    const { tag } = north.data;
    const oldKeyId = territoryKeyId(tag, oldEpoch);
    const a = await salesA.open();
    try {
      // Offline through the rotation: the device still holds only the old epoch and adds a customer.
      expect([...a.session.territoryKeys.keys()]).toEqual([oldKeyId]);
      expect(placeNewSubjects(a.session, 'sales')).toBe(tag);
      const added = (
        await a.session.people.create({ ...NORTH, givenName: 'Offline', address: address('1234 AB') })
      ).id;
      const page = (await a.db.keys.find().exec())
        .map((p) => p.toJSON() as KeyDoc)
        .find((p) => p.payload.includes(added))!;
      expect(page.keyId).toBe(oldKeyId);
      // The server refuses that page: its territory's epoch is not the current one.
      expect((await pushPage(a.link, page)).status).toBe(403);

      // Back online, the device reads its grants first (as the app does before syncing): the page it wrote
      // is re-wrapped under the new epoch, and new customers go there.
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      const rewrapped = (await a.db.keys.findOne(page.id).exec())!.toJSON() as KeyDoc;
      expect(rewrapped.keyId).toBe(territoryKeyId(tag, rotated.data.epochId));
      expect(placeNewSubjects(a.session, 'sales')).toBe(tag);
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Offline', 'Wessel']);
      // The admin's device has not pushed its re-wrapped pages yet: the old epoch stays here meanwhile.
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      expect([...a.session.territoryKeys.keys()]).toEqual([
        territoryKeyId(tag, rotated.data.epochId),
        oldKeyId,
      ]);
    } finally {
      await a.close();
    }
    // The admin reads the customer: nothing was lost.
    await admin.sync();
    expect(await names(admin.session)).toEqual(['Annelies', 'Bram', 'Offline', 'Wessel']);
    // Once the admin's pages arrived re-wrapped, the next read of the grants lets the old epoch go.
    const again = await salesA.open();
    try {
      await again.syncGuarded();
      ok(await refreshHeldTerritories({ fetch, link: again.link, session: again.session }));
      expect([...again.session.territoryKeys.keys()]).toEqual([territoryKeyId(tag, rotated.data.epochId)]);
      expect(await names(again.session)).toEqual(['Annelies', 'Offline', 'Wessel']);
    } finally {
      await again.close();
    }
  });

  it('a rotation broken off after the server took the new epoch is finished on the admin’s next pass', async () => {
    const { admin, north } = await twoTerritories(fixture.current);
    const { tag } = north.data;
    const ctx = { fetch, link: admin.link, session: admin.session };
    // The first steps of a rotation only: the new key kept here, then granted; the device stops there.
    const epochId = newId();
    const key = randomBytes(32);
    const keyId = territoryKeyId(tag, epochId);
    await admin.session.adoptTerritoryKeys(new Map([[keyId, key], ...admin.session.territoryKeys]));
    ok(await grantTerritory(ctx, north.data, { epochId, key }));
    expect((await listTerritories(admin)).find((t) => t.data.tag === tag)!.data.epochId).toBe(
      north.data.epochId,
    );

    ok(await refreshHeldTerritories(ctx));
    expect((await listTerritories(admin)).find((t) => t.data.tag === tag)!.data.epochId).toBe(epochId);
    // The re-wrap that finished it is audited, with counts only.
    const rewraps = (await admin.session.audit.entries()).entries.filter(
      (e) => e.kind === 'territory-rewrap',
    );
    expect(rewraps).toHaveLength(1);
    expect(rewraps[0]!.details).toMatchObject({ keys: expect.any(Number) });
    expect((rewraps[0]!.details as { keys: number }).keys).toBeGreaterThan(0);
    expect([...admin.session.territoryKeys.keys()].filter((k) => k.startsWith(`t${tag}:`))).toEqual([keyId]);
    await admin.sync();
    const pages = await serverPages(admin.link.orgId, tag);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.keyId === keyId)).toBe(true);
    expect(await names(admin.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
  });

  it('a rotation whose new key could not be handed out is owed, and done on the admin’s next pass', async () => {
    const { admin, salesA, salesB, north } = await twoTerritories(fixture.current);
    const { tag } = north.data;
    const [a, b] = [salesA.link.userId, salesB.link.userId];
    ok(
      await setTerritoryHolders({ fetch, link: admin.link, session: admin.session }, tag, {
        members: [a, b],
        managers: [],
      }),
    );
    // The server takes the holders under the current key, then the connection drops before the new key
    // is handed out: B is off the definition but the key B's devices hold is still the territory's.
    let puts = 0;
    const dropping: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'PUT' && url.endsWith(`/territories/${tag}`) && ++puts === 2)
        throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const failed = await setTerritoryHolders(
      { fetch: dropping, link: admin.link, session: admin.session },
      tag,
      {
        members: [a],
        managers: [],
      },
    );
    expect(failed.ok).toBe(false);
    const stuck = (await listTerritories(admin)).find((t) => t.data.tag === tag)!;
    expect(stuck.data.holders).not.toContain(b);
    expect(stuck.data.epochId).toBe(north.data.epochId);
    // Saving the same holders again sees no one left out; the admin's next pass still rotates.
    ok(await refreshHeldTerritories({ fetch, link: admin.link, session: admin.session }));
    const after = (await listTerritories(admin)).find((t) => t.data.tag === tag)!;
    expect(after.data.epochId).not.toBe(north.data.epochId);
    const onServer = (await fixture.current.territories.holders(admin.link.orgId)).find(
      (t) => t.tag === tag,
    )!;
    expect(onServer.epochId).toBe(after.data.epochId);
    expect(
      (await fixture.current.territories.grantsOf(admin.link.orgId, b)).filter((g) => g.tag === tag),
    ).toEqual([]);
    // Paid once: the pass after that rotates nothing more.
    ok(await refreshHeldTerritories({ fetch, link: admin.link, session: admin.session }));
    expect((await listTerritories(admin)).find((t) => t.data.tag === tag)!.data.epochId).toBe(
      after.data.epochId,
    );
  });

  it('an owed rotation of a territory whose definition vanished is dropped with an audit entry', async () => {
    const { admin, salesA, salesB, north } = await twoTerritories(fixture.current);
    const { tag } = north.data;
    const [a, b] = [salesA.link.userId, salesB.link.userId];
    const ctx = { fetch, link: admin.link, session: admin.session };
    ok(await setTerritoryHolders(ctx, tag, { members: [a, b], managers: [] }));
    // The holders are taken under the current key; the new key's hand-out fails.
    let puts = 0;
    const offline: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && ++puts === 2) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const failed = await setTerritoryHolders({ ...ctx, fetch: offline }, tag, { members: [a], managers: [] });
    expect(failed.ok).toBe(false);
    // The server deletes the definition on the admin's device (its pulls are not checked).
    const stored = (await listTerritories(admin)).find((t) => t.data.tag === tag)!;
    await (await admin.session.db.settings
      .findOne(`${organisationTag(admin.session.orgKeyId)}_${stored.id}`)
      .exec())!.remove();
    ok(await refreshHeldTerritories(ctx));
    const dropped = (await admin.session.audit.entries()).entries.filter(
      (e) => e.kind === 'territory-rotation-dropped',
    );
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.recordIds).toEqual([tag]);
  });

  it('a suspended member gets no grant of the new epoch, and the rotation finishes for everyone else', async () => {
    const { admin, salesA, salesB, north } = await twoTerritories(fixture.current);
    const { tag } = north.data;
    const ctx = { fetch, link: admin.link, session: admin.session };
    const [a, b] = [salesA.link.userId, salesB.link.userId];
    ok(await setTerritoryHolders(ctx, tag, { members: [a, b], managers: [] }));
    ok(
      await changeMember(admin.session, LOCAL_ACTOR, {
        fetch,
        link: admin.link,
        userId: b,
        change: { kind: 'suspend' },
        pins: memberPins(admin.session.db),
      }),
    );
    // A is taken off north while B, suspended, is still one of its members: the key moves on, to the admin.
    const after = ok(await setTerritoryHolders(ctx, tag, { members: [b], managers: [] }));
    expect(after.data.epochId).not.toBe(north.data.epochId);
    expect(after.data.members).toEqual([b]);
    expect(after.data.holders).toEqual([admin.link.userId]);
    expect(after.data.formerHolders.map((f) => f.userId).sort()).toEqual([a, b].sort());
    const onServer = (await fixture.current.territories.holders(admin.link.orgId)).find(
      (t) => t.tag === tag,
    )!;
    expect(onServer).toMatchObject({ epochId: after.data.epochId, holders: [admin.link.userId] });
    const northGrants = async (userId: string) =>
      (await fixture.current.territories.grantsOf(admin.link.orgId, userId)).filter((g) => g.tag === tag);
    expect(await northGrants(b)).toEqual([]);
    expect(await northGrants(a)).toEqual([]);
    await admin.sync();
    expect(
      (await serverPages(admin.link.orgId, tag)).every((p) => p.keyId === `t${tag}:${after.data.epochId}`),
    ).toBe(true);
    expect(await names(admin.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
  });

  it('a member removed from the organisation leaves the territories they held on the admin’s next pass', async () => {
    const { admin, salesB, south } = await twoTerritories(fixture.current);
    const { tag } = south.data;
    await removeFromOrganisation(admin, salesB.link.userId);
    // The admin's device runs the territories' key duty when it reads its grants (withheld.ts).
    ok(await refreshHeldTerritories({ fetch, link: admin.link, session: admin.session }));
    const after = (await listTerritories(admin)).find((t) => t.data.tag === tag)!;
    expect(after.data.epochId).not.toBe(south.data.epochId);
    expect(after.data.members).toEqual([]);
    expect(after.data.holders).not.toContain(salesB.link.userId);
    const onServer = (await fixture.current.territories.holders(admin.link.orgId)).find(
      (t) => t.tag === tag,
    )!;
    expect(onServer.epochId).toBe(after.data.epochId);
    expect(await fixture.current.territories.grantsOf(admin.link.orgId, salesB.link.userId)).toEqual([]);
    // Done once: the next pass finds no one to take off.
    ok(await refreshHeldTerritories({ fetch, link: admin.link, session: admin.session }));
    expect((await listTerritories(admin)).find((t) => t.data.tag === tag)!.data.epochId).toBe(
      after.data.epochId,
    );
    await admin.sync();
    expect(
      (await serverPages(admin.link.orgId, tag)).every((p) => p.keyId === `t${tag}:${after.data.epochId}`),
    ).toBe(true);
  });
});
