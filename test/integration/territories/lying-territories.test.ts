// A server that lies about territories (issue 19, review T3–T6), on both storage adapters: a device lets
// go of nothing and places nothing more widely on the server's word alone. A withheld grant keeps the
// territory (key, data, where new customers go), told to the user and audited; a key page without the
// device's subjects, and no admin's move note, keeps them; an admin's real removal still lets go, audited;
// an event that carries documents under an escaped key is stripped all the same; and the lost-device drill
// counts what the device's user held when it last synced, not what they hold today.
import { describe, expect, it } from 'vitest';
import { fetchExposure, mapExposure } from '../../../shared/breach';
import { readServerEvents } from '../../../shared/sync/event-stream';
import type { StreamEvent } from '../../../shared/sync';
import {
  guardedFetch,
  moveToTerritory,
  refreshHeldTerritories,
  setTerritoryHolders,
  territoryOfPage,
  territoryRefusals,
  withheldTerritories,
} from '../../../shared/territories';
import { territorySync } from '../../../renderer/features/sync/stores/territory-sync';
import { bram } from '../../fixtures/people';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { address, names, twoTerritories } from './organisation';
import { foundIn, fromStart, NOTE, openSynced, pagesWithout, useTerritoryServer } from './setup';

const kinds = async (session: { audit: { entries(): Promise<{ entries: { kind: string }[] }> } }) =>
  (await session.audit.entries()).entries.map((e) => e.kind);

describe.each(['sqlite', 'postgres'] as const)('a lying server and territories: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it("withholding a sales device's grant keeps its territory, its data and where its new customers go", async () => {
    const { salesA, ids, north, traces } = await twoTerritories(fixture.current);
    const a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      // From now on the server answers that this user holds no territory.
      const liar = lyingServer();
      liar.lie('GET', '/territories/grants', () => ({ grants: [] }));
      const sync = await territorySync(a.session, a.link, liar.fetch);
      expect(liar.calls()).toContain('GET /territories/grants');
      await a.sync(sync.fetch);
      await sync.catchUp();
      await a.sync(sync.fetch);

      // The key and the data stay: north's person and note are readable, their ciphertext is there.
      expect([...a.session.territoryKeys.keys()].map((k) => k.slice(1, 17))).toEqual([north.data.tag]);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toHaveLength(1);
      expect(await foundIn(a.db, traces.north.payloads)).toHaveLength(traces.north.payloads.length);
      // A new customer still goes into north, not organisation-wide.
      const added = await a.session.people.create({
        ...bram,
        givenName: 'Floor',
        address: address('8011 AA'),
      });
      const stored = await a.db.records.findOne(added.id).exec();
      expect(territoryOfPage(stored!.keyId)).toBe(north.data.tag);
      // Told to the user (a notice with the territory) and audited once, with the tag only.
      expect(Object.keys((await withheldTerritories(a.session)).tags)).toEqual([north.data.tag]);
      const withheld = (await a.session.audit.entries()).entries.filter(
        (e) => e.kind === 'territory-withheld',
      );
      expect(withheld.map((e) => e.recordIds)).toEqual([[north.data.tag]]);
      expect(await kinds(a.session)).not.toContain('territory-let-go');

      // Granted again, the notice goes.
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      expect((await withheldTerritories(a.session)).tags).toEqual({});
    } finally {
      await a.close();
    }
  });

  it("an admin's removal, which its definition proves, lets the territory go, and the let-go is audited", async () => {
    const { admin, salesA, north, traces } = await twoTerritories(fixture.current);
    let a = await openSynced(salesA);
    await a.close();
    ok(
      await setTerritoryHolders({ fetch, link: admin.link, session: admin.session }, north.data.tag, {
        members: [],
        managers: [],
      }),
    );
    await admin.sync();
    a = await salesA.open();
    try {
      await a.syncGuarded(); // the definition without this user arrives
      const held = ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      expect(held).toEqual({ tags: [], withheld: [], released: [north.data.tag] });
      expect([...a.session.territoryKeys.keys()]).toEqual([]);
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Wessel']);
      expect(await foundIn(a.db, traces.north.payloads)).toEqual([]);
      const audit = await kinds(a.session);
      expect(audit).toContain('territory-released');
      expect(audit).toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });

  it("a key page without the device's subjects, and no admin's move note: they stay and it is reported", async () => {
    const { salesA, ids, traces } = await twoTerritories(fixture.current);
    const a = await openSynced(salesA);
    try {
      const liar = lyingServer();
      // Every page the server sends from now on lacks north's subject and the organisation-wide one,
      // each page changed (as a real change would be) so that the device pulls it again.
      liar.lie('GET', '/sync/keys/pull', pagesWithout(ids.north, ids.elsewhere));
      // The lie reaches the device with every page it holds: the server answers from the start.
      const lying = fromStart(liar.fetch, 'keys');
      await a.syncGuarded(lying);
      await a.syncGuarded(lying);
      expect(liar.calls()).toContain('GET /sync/keys/pull');
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toHaveLength(1);
      expect(await foundIn(a.db, traces.north.payloads)).toHaveLength(traces.north.payloads.length);
      const withheld = (await a.session.audit.entries()).entries.filter(
        (e) => e.kind === 'territory-withheld',
      );
      expect(withheld.length).toBeGreaterThan(0);
      expect(await kinds(a.session)).not.toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });

  it('an event carrying documents under an escaped key is stripped to a bare checkpoint and reported', async () => {
    const { admin, salesA, ids } = await twoTerritories(fixture.current);
    const { storage } = fixture.current;
    const southProfile = (await storage.pull(admin.link.orgId, 'records', 0, 1000)).docs
      .map((d) => JSON.parse(d.doc) as { id: string })
      .find((d) => d.id === ids.south)!;
    const a = await salesA.open();
    try {
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      // The stream as a lying server writes it: the same JSON, with "documents" spelt with an escape.
      const json = JSON.stringify({
        checkpoint: 99,
        collection: 'records',
        previous: 98,
        documents: [southProfile],
      });
      const escaped = json.replace('"documents"', '"\\u0064ocuments"');
      expect((JSON.parse(escaped) as { documents: unknown[] }).documents).toHaveLength(1);
      const liar = async () =>
        new Response(`event: checkpoint\ndata: ${escaped}\n\n`, {
          status: 200,
          headers: { 'content-type': 'text/event-stream' },
        });
      const guarded = guardedFetch(liar, a.guard);
      const response = await guarded(`${a.link.serverUrl}/sync/stream?documents=1`, {});
      const seen: StreamEvent[] = [];
      await readServerEvents(response.body!, { checkpoint: (e) => seen.push(e), refused: () => undefined });
      expect(seen).toHaveLength(1);
      expect(seen[0]!.documents).toBeUndefined();
      expect(JSON.stringify(seen)).not.toContain(ids.south);
      expect((await territoryRefusals(a.session)).count).toBe(1);
    } finally {
      await a.close();
    }
  });

  it('the drill counts what the device could read when it last synced, not by who holds what today', async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    await (await openSynced(salesA)).close();
    // After the laptop's last sync: its user is taken off north, and north's customer moves south.
    const ctx = { fetch, link: admin.link, session: admin.session };
    ok(await setTerritoryHolders(ctx, north.data.tag, { members: [], managers: [] }));
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    await admin.sync();

    const exposure = ok(await fetchExposure(fetch, admin.link, salesA.link.deviceId));
    const findings = await mapExposure(admin.session, exposure);
    expect(findings.personIds).toEqual([ids.north, ids.elsewhere].sort());
    expect(findings.figures.records).toEqual({ person: 2, 'test-note': 1 });
  });
});
