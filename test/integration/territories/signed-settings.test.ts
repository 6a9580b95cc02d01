// Territory definitions and move notes count only when an admin's device signed them (issue 19;
// shared/territories/signed-settings.ts), against the real server on both storage adapters. A sales user's
// device holds the organisation key and writes a definition that drops the north sales user, and move
// notes that send north's customer south (one signed by that sales device, one under a signature copied
// from an admin's note), and the server serves them with north's pages without the customer and no grant
// of north: the north device keeps its territory and customer and audits the refusal (counts only). The
// admin's own signed move and removal are taken and let go; so is a move by an admin let in on another
// device, whose device the first admin's roster vouches for.
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/crypto';
import {
  listTerritories,
  moveNotes,
  moveToTerritory,
  refreshHeldTerritories,
  setTerritoryHolders,
  signSetting,
  subjectMark,
  TERRITORY,
  TERRITORY_MOVE,
} from '../../../shared/territories';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { names, twoTerritories } from './organisation';
import {
  fieldUser,
  foundIn,
  fromStart,
  NOTE,
  openSynced,
  pagesWithout,
  useTerritoryServer,
  type OpenField,
} from './setup';

type Doc = Record<string, unknown> & { id: string };

const audited = async (session: OpenField['session']) => (await session.audit.entries()).entries;

/** A settings document as the device stores it, as the server would send it. */
const wireSetting = async (device: OpenField, id: string): Promise<Doc> => {
  const stored = (await device.db.settings.find().exec())
    .map((d) => d.toJSON())
    .find((d) => d.id.endsWith(`_${id}`))!;
  const { kind, keyId, v, payload, updatedAt } = stored as unknown as Doc;
  return { id: stored.id, kind, keyId, v, payload, updatedAt, _deleted: false };
};

describe.each(['sqlite', 'postgres'] as const)('signed territory settings: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it("a sales device's definition and move notes are refused: the north device keeps its data", async () => {
    const { admin, salesA, salesB, ids, north, south, traces } = await twoTerritories(fixture.current);
    const adminNote = (await admin.session.settings(TERRITORY_MOVE).list()).records[0]!;
    expect(adminNote.data.signed).toBeDefined();
    // The forger: a sales device with the organisation key, the definitions and the notes.
    const b = await openSynced(salesB);
    const planted: Doc[] = [];
    try {
      const mark = subjectMark(b.session, ids.north);
      const away = { to: south.data.tag, at: Date.now(), subjects: [{ mark, from: north.data.tag, v: 2 }] };
      const ownId = newId();
      const signer = await b.session.deviceSigner();
      await b.session
        .settings(TERRITORY_MOVE)
        .put(signSetting(b.session, signer, 'territory-move', ownId, away), ownId);
      const copiedId = newId();
      await b.session.settings(TERRITORY_MOVE).put({ ...away, signed: adminNote.data.signed }, copiedId);
      const definition = (await listTerritories(b)).find((t) => t.data.tag === north.data.tag)!.data;
      const { signed: _, ...unsigned } = definition;
      const dropped = {
        ...unsigned,
        version: definition.version + 1,
        members: [],
        holders: definition.holders.filter((u) => u !== salesA.link.userId),
      };
      await b.session.settings(TERRITORY).put(dropped, north.data.tag);
      for (const id of [ownId, copiedId, north.data.tag]) planted.push(await wireSetting(b, id));
    } finally {
      await b.close();
    }

    const a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      const notesBefore = (await moveNotes(a.session)).length;
      const liar = lyingServer();
      liar.lie('GET', '/sync/settings/pull', (value) => ({
        ...value,
        documents: [
          ...(value.documents as Doc[]).filter((d) => !planted.some((p) => p.id === d.id)),
          ...planted,
        ],
      }));
      liar.lie('GET', '/sync/keys/pull', pagesWithout(ids.north));
      liar.lie('GET', '/territories/grants', () => ({ grants: [] }));
      const lying = fromStart(liar.fetch, 'settings', 'keys');
      await a.syncGuarded(lying);
      ok(await refreshHeldTerritories({ fetch: liar.fetch, link: a.link, session: a.session }));
      await a.syncGuarded(lying);
      await a.syncGuarded(lying);

      // North is kept (withheld, not released), with its customer and the customer's note.
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await a.session.items(NOTE).listForSubject(ids.north)).records).toHaveLength(1);
      expect(await foundIn(a.db, traces.north.payloads)).toHaveLength(traces.north.payloads.length);
      expect((await moveNotes(a.session)).length).toBe(notesBefore);
      const kept = (await listTerritories(a)).find((t) => t.data.tag === north.data.tag)!;
      expect(kept.data.members).toEqual([salesA.link.userId]);
      const entries = await audited(a.session);
      const refused = entries.filter((e) => e.kind === 'territory-unsigned-refused');
      expect(refused.length).toBeGreaterThan(0);
      expect(refused[0]!.details).toEqual({ definitions: 1, moves: 2 });
      expect(refused.every((e) => e.recordIds.length === 0)).toBe(true);
      const kinds = entries.map((e) => e.kind);
      expect(kinds).not.toContain('territory-let-go');
      expect(kinds).not.toContain('territory-released');
      expect(kinds).toContain('territory-withheld');
    } finally {
      await a.close();
    }
  });

  it("the admin's signed move and removal are taken: the north device lets go", async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    const a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
      await admin.sync();
      await a.syncGuarded();
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Wessel']);
      expect((await audited(a.session)).map((e) => e.kind)).toContain('territory-let-go');

      const ctx = { fetch, link: admin.link, session: admin.session };
      ok(await setTerritoryHolders(ctx, north.data.tag, { members: [], managers: [] }));
      await admin.sync();
      await a.syncGuarded();
      const held = ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      expect(held.released).toEqual([north.data.tag]);
      expect((await audited(a.session)).map((e) => e.kind)).not.toContain('territory-unsigned-refused');
    } finally {
      await a.close();
    }
  });

  it('a move by an admin let in on another device is taken once the rosters vouch for its device', async () => {
    const { admin, salesA, ids, south } = await twoTerritories(fixture.current);
    const { place } = fixture.current;
    const adminCtx = { fetch, link: admin.link, session: admin.session };
    const second = await fieldUser(place, admin, { role: 'admin' });
    let a = await openSynced(salesA);
    try {
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
    } finally {
      await a.close();
    }
    // Admin 1's pass hands admin 2 the territories and publishes its roster.
    ok(await refreshHeldTerritories(adminCtx));
    await admin.sync();
    const b = await second.open();
    try {
      // Admin 2's pass (after its first sync brought admin 1's roster): its keys, its roster and its
      // device's claim to admin 1; then its move.
      await b.sync();
      ok(await refreshHeldTerritories({ fetch, link: b.link, session: b.session }));
      await b.sync();
      expect((await moveToTerritory(b.session, [ids.north], south.data)).moved).toBe(1);
      await b.sync();
    } finally {
      await b.close();
    }

    // Before admin 1's roster vouches for admin 2's device, the north device refuses the note.
    a = await salesA.open();
    try {
      await a.syncGuarded();
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await audited(a.session)).map((e) => e.kind)).toContain('territory-unsigned-refused');
    } finally {
      await a.close();
    }
    // Admin 1's next pass checks admin 2's claim and lists its device in its roster; the note was held, and
    // is not sent again.
    await admin.sync();
    ok(await refreshHeldTerritories(adminCtx));
    await admin.sync();
    a = await salesA.open();
    try {
      // The held note comes in with the pull that brings the roster, and the customer goes.
      await a.syncGuarded();
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Wessel']);
      expect((await audited(a.session)).map((e) => e.kind)).toContain('territory-let-go');
    } finally {
      await a.close();
    }
  });
});
