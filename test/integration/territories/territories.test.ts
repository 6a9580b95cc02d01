// Territories against the real server, on both storage adapters (issue 19, point 2): an admin defines two
// territories by postal-code ranges, one sales user in each, and moves the subjects into them by the rules.
// A sales device receives only its territory; its local store, scanned, holds no subject id or ciphertext
// of the other; a lying server that sends the other territory's documents anyway gets nothing stored and
// the attempt reported; a subject moved to the other territory leaves the device that lost it.
import { describe, expect, it } from 'vitest';
import { fetchExposure, mapExposure } from '../../../shared/breach';
import {
  guardedFetch,
  listTerritories,
  moveToTerritory,
  placeNewSubjects,
  refreshHeldTerritories,
  refreshTerritoryKeys,
  setTerritoryHolders,
  territoryOfPage,
  territoryRefusals,
  TerritoryGuard,
} from '../../../shared/territories';
import { bram } from '../../fixtures/people';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { address, names, twoTerritories } from './organisation';
import { foundIn, NOTE, serverTraces, storedTexts, useTerritoryServer } from './setup';

describe.each(['sqlite', 'postgres'] as const)('territories: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  const organisation = () => twoTerritories(fixture.current);

  it('a sales device receives only its territory, and its store holds nothing of the other', async () => {
    const { admin, salesA, ids, traces } = await organisation();
    // The admin still reads everyone, and the server holds every subject's documents.
    expect(await names(admin.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
    expect(traces.south.payloads).toHaveLength(3); // the profile, the note, the data key's entry

    const a = await salesA.open();
    try {
      expect(ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session })).tags).toHaveLength(
        1,
      );
      await a.syncGuarded();
      // North and the organisation-wide subject are readable; south is not there at all.
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records.map((n) => n.data.text)).toEqual(
        ['Belde over de offerte'],
      );
      expect(await foundIn(a.db, [ids.south, ...traces.south.ids, ...traces.south.payloads])).toEqual([]);
      // The positive control: the same scan finds north's ids and ciphertext.
      expect(await foundIn(a.db, [ids.north, traces.north.payloads[0]!])).toHaveLength(2);
      // The territory list (an organisation setting) names both; only north's key is held.
      expect((await listTerritories(a)).map((t) => t.data.name)).toEqual(['Noord', 'Zuid']);
      expect([...a.session.territoryKeys.keys()]).toHaveLength(1);
      expect((await territoryRefusals(a.session)).count).toBe(0);
    } finally {
      await a.close();
    }
  });

  it('a sales user can neither write into the other territory nor read or delete its documents by id', async () => {
    const { admin, salesA, ids } = await organisation();
    const { url } = fixture.current.server;
    const call = async (path: string, token: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: ((await response.json()) as { value?: unknown }).value };
    };
    // South's profile as the server stores it, read by the admin, who holds every territory.
    const pulled = await call('/sync/records/pull?checkpoint=0&limit=100', admin.link.token);
    const all = (pulled.body as { documents: { id: string; keyId: string }[] }).documents;
    const south = all.find((doc) => doc.id === ids.south)!;
    const elsewhere = all.find((doc) => doc.id === ids.elsewhere)!;
    const push = (rows: unknown[]) => call('/sync/records/push', salesA.link.token, rows);

    // Over it, as if new: the answer must not show the stored document (it did, as a conflict).
    const over = await push([
      { newDocumentState: { ...south, keyId: elsewhere.keyId }, assumedMasterState: null },
    ]);
    expect(JSON.stringify(over.body)).not.toContain(south.keyId);
    // Into it, or deleting it with the state a former holder kept: refused, and nothing changes.
    expect(
      (await push([{ newDocumentState: { ...south, updatedAt: Date.now() }, assumedMasterState: null }]))
        .status,
    ).toBe(403);
    expect(
      (await push([{ newDocumentState: { ...south, _deleted: true }, assumedMasterState: south }])).status,
    ).toBe(403);
    const after = await call('/sync/records/pull?checkpoint=0&limit=100', admin.link.token);
    const stored = (after.body as { documents: { id: string }[] }).documents.find(
      (doc) => doc.id === ids.south,
    );
    expect(stored).toEqual(south);
  });

  it("a lying server sending the other territory's documents: nothing is stored and the attempt is reported", async () => {
    const { admin, salesA, ids, traces } = await organisation();
    const { storage } = fixture.current;
    const orgId = admin.link.orgId;
    // South's documents as the server stores them: what a server that ignores territories would send.
    const southDocs = async (collection: 'records' | 'items' | 'keys') =>
      (await storage.pull(orgId, collection, 0, 1000)).docs
        .map((d) => JSON.parse(d.doc) as Record<string, unknown>)
        .filter((d) =>
          collection === 'keys'
            ? typeof d.payload === 'string' && d.payload.includes(ids.south)
            : d.subjectId === ids.south,
        );
    const liar = lyingServer();
    for (const collection of ['records', 'items', 'keys'] as const) {
      const extra = await southDocs(collection);
      expect(extra.length).toBeGreaterThan(0);
      liar.lie('GET', `/sync/${collection}/pull`, (value) => ({
        ...value,
        documents: [...(value.documents as unknown[]), ...extra],
      }));
    }
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded(liar.fetch);
      expect(liar.calls()).toContain('GET /sync/records/pull');
      // Nothing of south was kept: no id, no ciphertext, no key entry.
      expect(await foundIn(a.db, [ids.south, ...traces.south.ids, ...traces.south.payloads])).toEqual([]);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      // The device could not have read them: it holds no key of south's territory.
      const southPage = (await southDocs('keys'))[0]!.id as string;
      expect([...a.session.territoryKeys.keys()].some((k) => southPage.startsWith(k.split(':')[0]!))).toBe(
        false,
      );
      // Reported: counted on the device and in its audit trail, with counts only.
      expect((await territoryRefusals(a.session)).count).toBeGreaterThanOrEqual(3);
      const refused = (await a.session.audit.entries()).entries.filter((e) => e.kind === 'territory-refused');
      expect(refused.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(refused)).not.toContain(ids.south);
    } finally {
      await a.close();
    }
  });

  it('a subject moved to the other territory leaves the device that lost it and reaches the other', async () => {
    const { admin, salesA, salesB, ids, south, traces } = await organisation();
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      expect(await moveToTerritory(admin.session, [ids.north], south.data)).toEqual({
        moved: 1,
        subjectIds: [ids.north],
      });
      await admin.sync();
      const moved = await serverTraces(fixture.current.storage, admin.link.orgId, ids.north);

      // Two rounds: the first learns from the key page that the subject left, the second lets it go.
      await a.syncGuarded();
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toEqual([]);
      // Neither the ciphertext it held nor the re-sealed one is left; only blanked tombstones name the id.
      expect(await foundIn(a.db, [...traces.north.payloads, ...moved.payloads])).toEqual([]);
      const live = (await storedTexts(a.db)).filter(
        (t) => t.includes(ids.north) && !t.includes('"_deleted":true'),
      );
      expect(live).toEqual([]);
    } finally {
      await a.close();
    }

    const b = await salesB.open();
    try {
      await refreshTerritoryKeys({ fetch, link: b.link, session: b.session });
      await b.syncGuarded();
      expect(await names(b.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
      expect((await b.session.items(NOTE).listForSubject(ids.north)).records.map((n) => n.data.text)).toEqual(
        ['Belde over de offerte'],
      );
    } finally {
      await b.close();
    }
  });

  it('the lost-device drill reports what that device could read: its territory and the shared subjects', async () => {
    const { admin, salesA, ids } = await organisation();
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded();
    } finally {
      await a.close();
    }
    const exposure = ok(await fetchExposure(fetch, admin.link, salesA.link.deviceId));
    const findings = await mapExposure(admin.session, exposure);
    expect(findings.personIds).toEqual([ids.north, ids.elsewhere].sort());
    expect(findings.figures.people).toBe(2);
    expect(findings.figures.unmapped).toBe(0);
    // South's note is not counted among the records the device held.
    expect(findings.figures.records).toEqual({ person: 2, 'test-note': 1 });
  });

  it('a member taken off a territory loses its key and lets go of its subjects', async () => {
    const { admin, salesA, north, traces } = await organisation();
    let a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
    } finally {
      await a.close();
    }
    const ctx = { fetch, link: admin.link, session: admin.session };
    ok(await setTerritoryHolders(ctx, north.data.tag, { members: [], managers: [] }));
    a = await salesA.open();
    try {
      expect(ok(await refreshTerritoryKeys({ fetch, link: a.link, session: a.session })).tags).toEqual([]);
      expect([...a.session.territoryKeys.keys()]).toEqual([]);
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Wessel']);
      expect(await foundIn(a.db, traces.north.payloads)).toEqual([]);
    } finally {
      await a.close();
    }
  });

  it('a territory granted while a device syncs is taken up, not refused as another territory', async () => {
    const { admin, salesA, salesB, south, ids } = await organisation();
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      await a.syncGuarded();
      // The admin adds the sales user to the south while their device is between two pulls, and writes.
      const ctx = { fetch, link: admin.link, session: admin.session };
      ok(
        await setTerritoryHolders(ctx, south.data.tag, {
          members: [salesB.link.userId, salesA.link.userId],
          managers: [],
        }),
      );
      await admin.session.items(NOTE).create(ids.south, { text: 'Offerte verstuurd' });
      await admin.sync();
      // The device's guard reads the grants again when a south document arrives, as the app's does.
      const recheck = () => refreshHeldTerritories({ fetch, link: a.link, session: a.session });
      const guard = new TerritoryGuard(a.session, a.link.role, Date.now, recheck);
      await a.sync(guardedFetch(fetch, guard));
      expect((await territoryRefusals(a.session)).count).toBe(0);
      expect([...a.session.territoryKeys.keys()]).toHaveLength(2);
      // The app then syncs again under an identifier naming both territories: the south's older
      // documents (its key page, the profile) arrive, and the south's customer is readable.
      // Its pushes leave out what a sales user may not write, as the app's do: a new identifier pushes
      // every local document once, the organisation's settings among them, which the server refuses.
      await a.sync(guardedFetch(fetch, guard), {
        identifier: `${a.link.serverUrl}|both`,
        writer: { userId: a.link.userId, deviceId: a.link.deviceId },
      });
      expect(await names(a.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
      expect(
        (await a.session.items(NOTE).listForSubject(ids.south)).records.map((n) => n.data.text).sort(),
      ).toEqual(['Offerte verstuurd', 'Wil een demo in maart']);
    } finally {
      await a.close();
    }
  });

  it("a customer a sales user adds is their territory's from the start", async () => {
    const { admin, salesA, salesB, north } = await organisation();
    let added = '';
    const a = await salesA.open();
    try {
      await refreshTerritoryKeys({ fetch, link: a.link, session: a.session });
      expect(placeNewSubjects(a.session, a.link.role)).toBe(north.data.tag);
      await a.syncGuarded();
      added = (await a.session.people.create({ ...bram, givenName: 'Floor', address: address('8011 AA') }))
        .id;
      await a.syncGuarded();
    } finally {
      await a.close();
    }
    const onServer = (await fixture.current.storage.pull(admin.link.orgId, 'records', 0, 1000)).docs
      .map((d) => JSON.parse(d.doc) as { id: string; keyId: string })
      .find((d) => d.id === added);
    expect(territoryOfPage(onServer!.keyId)).toBe(north.data.tag);
    await admin.sync();
    expect(await names(admin.session)).toContain('Floor');
    const b = await salesB.open();
    try {
      await refreshTerritoryKeys({ fetch, link: b.link, session: b.session });
      await b.syncGuarded();
      expect(await names(b.session)).toEqual(['Bram', 'Wessel']);
      expect(await foundIn(b.db, [added])).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
