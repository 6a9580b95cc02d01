// A server that serves an older territory definition or move note after a newer one (review of
// territories, gap 1), on both storage adapters: the device refuses the older one, keeps what it had and
// its subjects, and audits the refusal (counts only).
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import {
  listTerritories,
  moveToTerritory,
  refreshHeldTerritories,
  setTerritoryHolders,
  TERRITORY_MOVE,
} from '../../../shared/territories';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { names, twoTerritories } from './organisation';
import {
  foundIn,
  fromStart,
  NOTE,
  openSynced,
  pagesWithout,
  serverTraces,
  useTerritoryServer,
} from './setup';

type Doc = Record<string, unknown> & { id: string };

const audited = async (session: {
  audit: { entries(): Promise<{ entries: { kind: string; details?: unknown }[] }> };
}) => (await session.audit.entries()).entries;

/** The settings document the server holds now whose id ends in `_<id>`, as it sends it. */
const serverSetting = async (storage: Storage, orgId: string, id: string): Promise<Doc> => {
  const docs = (await storage.pull(orgId, 'settings', 0, 1000)).docs.map((d) => JSON.parse(d.doc) as Doc);
  return docs.find((d) => d.id.endsWith(`_${id}`))!;
};

/** A lying server that serves the settings document `id` as `swap` makes it, and the others as they are. */
const swappingSetting = (id: string, swap: (doc: Doc) => Doc) => {
  const liar = lyingServer();
  liar.lie('GET', '/sync/settings/pull', (value) => ({
    ...value,
    documents: (value.documents as Doc[]).map((d) => (d.id === id ? swap(d) : d)),
  }));
  return liar;
};

describe.each(['sqlite', 'postgres'] as const)('replayed territory settings: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it('an older definition served after a newer one is refused: the territory and its subjects stay', async () => {
    const { admin, salesA, ids, north } = await twoTerritories(fixture.current);
    const { storage } = fixture.current;
    const ctx = { fetch, link: admin.link, session: admin.session };
    // A is taken off north and put back: the definition in between does not name A.
    ok(await setTerritoryHolders(ctx, north.data.tag, { members: [], managers: [] }));
    await admin.sync();
    const older = await serverSetting(storage, admin.link.orgId, north.data.tag);
    ok(await setTerritoryHolders(ctx, north.data.tag, { members: [salesA.link.userId], managers: [] }));
    await admin.sync();
    expect((await serverSetting(storage, admin.link.orgId, north.data.tag)).payload).not.toBe(older.payload);
    const traces = { north: await serverTraces(storage, admin.link.orgId, ids.north) };

    const a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      // The server sends the older definition again, and no longer grants north.
      const liar = swappingSetting(older.id, () => older);
      liar.lie('GET', '/territories/grants', () => ({ grants: [] }));
      await a.syncGuarded(fromStart(liar.fetch, 'settings'));
      expect(liar.calls()).toContain('GET /sync/settings/pull');
      ok(await refreshHeldTerritories({ fetch: liar.fetch, link: a.link, session: a.session }));
      await a.syncGuarded(liar.fetch);

      // The newer definition stays, north is kept (withheld, not released), and so are its subjects.
      const definition = (await listTerritories(a)).find((t) => t.data.tag === north.data.tag)!;
      expect(definition.data.members).toEqual([salesA.link.userId]);
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toHaveLength(1);
      expect(await foundIn(a.db, traces.north.payloads)).toHaveLength(traces.north.payloads.length);
      const entries = await audited(a.session);
      const refused = entries.filter((e) => e.kind === 'territory-replay-refused');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((e) => JSON.stringify(e.details) === '{"definitions":1,"moves":0}')).toBe(true);
      expect(entries.map((e) => e.kind)).not.toContain('territory-released');
      expect(entries.map((e) => e.kind)).not.toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });

  it('a move note taken back after a newer one: the subject stays where the newer note put it', async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    const { storage } = fixture.current;
    // North's customer moves south, and back north: the last note is the newer.
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    expect((await moveToTerritory(admin.session, [ids.north], north.data)).moved).toBe(1);
    await admin.sync();
    const notes = (await admin.session.settings(TERRITORY_MOVE).list()).records;
    // The rules put the customer north (version 1), then south (2), then back north (3).
    const newer = notes.find((n) => n.data.subjects.some((s) => s.v === 3))!;
    expect(newer.data.to).toBe(north.data.tag);
    const newerDoc = await serverSetting(storage, admin.link.orgId, newer.id);
    const traces = { north: await serverTraces(storage, admin.link.orgId, ids.north) };

    const a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);

      // The server deletes the newer note, so the older one (north's customer went south) is the latest it
      // shows, and sends north's pages without the customer.
      const liar = swappingSetting(newerDoc.id, (d) => ({ ...d, _deleted: true }));
      liar.lie('GET', '/sync/keys/pull', pagesWithout(ids.north));
      const lying = fromStart(liar.fetch, 'settings', 'keys');
      await a.syncGuarded(lying);
      await a.syncGuarded(lying);
      expect(liar.calls()).toContain('GET /sync/settings/pull');
      expect(liar.calls()).toContain('GET /sync/keys/pull');

      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toHaveLength(1);
      expect(await foundIn(a.db, traces.north.payloads)).toHaveLength(traces.north.payloads.length);
      expect((await a.session.settings(TERRITORY_MOVE).list()).records.map((n) => n.id).sort()).toEqual(
        notes.map((n) => n.id).sort(),
      );
      const entries = await audited(a.session);
      expect(entries.filter((e) => e.kind === 'territory-replay-refused').length).toBeGreaterThan(0);
      expect(entries.map((e) => e.kind)).not.toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });
});
