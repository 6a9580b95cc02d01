// A move's purge confirmed the way an erasure is (issue 19), against the real server on both adapters: the
// admin's device hands the server its move notes by id, a device that lets go of a moved subject confirms
// by that id at its next catch-up, and the admin reads per move which devices of the territory the subject
// left confirmed and which are outstanding. Two sales users hold the north: one lets go and confirms, the
// other, offline, stays outstanding until it syncs. A device that syncs after two moves of a subject
// confirms both, one that never received a subject (created and moved between its syncs) confirms it held
// nothing, and a queued confirmation waits as long as it takes. What the server is told names no subject,
// and the admin's view is the server's word: a lying server can say a device confirmed that did not.
import { describe, expect, it } from 'vitest';
import {
  confirmMovePurges,
  defineTerritory,
  followMoves,
  moveStatuses,
  moveToTerritory,
  queuedMovePurges,
  refreshTerritoryKeys,
  setTerritoryHolders,
  subjectMark,
  type MoveStatus,
} from '../../../shared/territories';
import type { Fetch } from '../../../shared/sync';
import { changeLocalDoc } from '../../../shared/vault';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { names, NORTH, twoTerritories } from './organisation';
import { fieldUser, useTerritoryServer, type FieldDevice } from './setup';

describe.each(['sqlite', 'postgres'] as const)('a move confirmed: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  /** The two territories, a second sales user in the north, and both north devices synced once. */
  const organisation = async () => {
    const org = await twoTerritories(fixture.current);
    const ctx = { fetch, link: org.admin.link, session: org.admin.session };
    // The rules' moves of the set-up, handed over as the admin's catch-up does right after its push.
    ok(await followMoves(ctx));
    const salesC = await fieldUser(fixture.current.place, org.admin);
    const north = { members: [org.salesA.link.userId, salesC.link.userId], managers: [] };
    ok(await setTerritoryHolders(ctx, org.north.data.tag, north));
    for (const sales of [org.salesA, salesC]) await syncNorth(sales, ['Annelies', 'Wessel']);
    return { ...org, ctx, salesC };
  };

  /** Opens the device, syncs it (twice: a departure is learnt, then let go), confirms, closes it. */
  const syncNorth = async (sales: FieldDevice, expected: string[], via: Fetch = fetch) => {
    const d = await sales.open();
    try {
      await refreshTerritoryKeys({ fetch, link: d.link, session: d.session });
      await d.syncGuarded();
      await d.syncGuarded();
      expect(await names(d.session)).toEqual(expected);
      // What the app's territory catch-up does (renderer/features/sync/stores/territory-sync.ts).
      return ok(await confirmMovePurges({ fetch: via, link: d.link, session: d.session }));
    } finally {
      await d.close();
    }
  };

  /** The move out of `from` (the set-up's rules moved subjects of no territory). */
  const theMove = async (ctx: Parameters<typeof moveStatuses>[0], from: string): Promise<MoveStatus> => {
    const listed = ok(await moveStatuses(ctx)).filter((m) => m.note?.subjects.every((s) => s.from === from));
    expect(listed).toHaveLength(1);
    return listed[0]!;
  };
  const devicesOf = (move: MoveStatus) => ({
    confirmed: move.confirmed.map((d) => d.deviceId).sort(),
    outstanding: move.outstanding.map((d) => d.deviceId).sort(),
  });

  it('the device that let go confirms; an offline one stays outstanding until it syncs', async () => {
    const { admin, ctx, salesA, salesB, salesC, ids, north, south } = await organisation();
    const [a, c] = [salesA.link.deviceId, salesC.link.deviceId];
    // The set-up's moves were handed over before any sales device synced: nobody is waited for.
    for (const move of ok(await moveStatuses(ctx)))
      expect(devicesOf(move)).toEqual({ confirmed: [], outstanding: [] });

    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    await admin.sync();
    expect(ok(await followMoves(ctx))).toBe(1);
    expect(ok(await followMoves(ctx))).toBe(0); // handed over once
    // The north's two devices are waited for; the south's device and the admin's keep the subject.
    let move = await theMove(ctx, north.data.tag);
    expect(devicesOf(move)).toEqual({ confirmed: [], outstanding: [a, c].sort() });
    expect(move.note?.subjects).toHaveLength(1);

    // A lets go at its sync and confirms at its catch-up; the confirmation carries no subject id or mark.
    const liar = lyingServer();
    expect(await syncNorth(salesA, ['Wessel'], liar.fetch)).toBe(1);
    const told = JSON.stringify(liar.sent);
    expect(told).toContain(move.moveId);
    expect(told).not.toContain(ids.north);
    expect(told).not.toContain(subjectMark(admin.session, ids.north));
    move = await theMove(ctx, north.data.tag);
    expect(devicesOf(move)).toEqual({ confirmed: [a], outstanding: [c] });
    expect(move.confirmed[0]!.userId).toBe(salesA.link.userId);
    expect(move.outstanding[0]!.userId).toBe(salesC.link.userId);

    // C was offline all along: outstanding still, until it syncs, lets go and confirms.
    expect(devicesOf(await theMove(ctx, north.data.tag)).outstanding).toEqual([c]);
    expect(await syncNorth(salesC, ['Wessel'])).toBe(1);
    expect(devicesOf(await theMove(ctx, north.data.tag))).toEqual({
      confirmed: [a, c].sort(),
      outstanding: [],
    });

    // The south's device received the subject and has nothing to confirm.
    const b = await salesB.open();
    try {
      await refreshTerritoryKeys({ fetch, link: b.link, session: b.session });
      await b.syncGuarded();
      expect(await names(b.session)).toEqual(['Annelies', 'Bram', 'Wessel']);
      expect(await queuedMovePurges(b.session)).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('a confirmation sent before the admin handed the move over waits, however long, and counts once it has', async () => {
    const { admin, ctx, salesA, salesC, ids, north, south } = await organisation();
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    await admin.sync();
    // A lets go before the server follows the move: the server takes nothing, A keeps it queued.
    expect(await syncNorth(salesA, ['Wessel'])).toBe(0);
    const a = await salesA.open();
    try {
      const aCtx = { fetch, link: a.link, session: a.session };
      // Queued 31 days ago and still not followed: it stays queued (no confirmation is dropped).
      await changeLocalDoc<Record<string, number>>(a.session, 'territory-move-purges', {}, (queue) =>
        Object.fromEntries(Object.keys(queue).map((id) => [id, Date.now() - 31 * 86_400_000])),
      );
      expect(ok(await confirmMovePurges(aCtx))).toBe(0);
      expect(await queuedMovePurges(a.session)).toHaveLength(1);
      // Handed over after A let go: A had synced, so it is waited for, and its queued confirmation counts.
      ok(await followMoves(ctx));
      expect(ok(await confirmMovePurges(aCtx))).toBe(1);
      expect(await queuedMovePurges(a.session)).toEqual([]);
      const audited = (await a.session.audit.entries()).entries.filter(
        (e) => e.kind === 'territory-let-go-confirmed',
      );
      // Newest first: this move, then the set-up's two (A holds nothing they took away from it).
      expect(audited.map((e) => e.details)).toEqual([{ moves: 1 }, { moves: 2 }]);
    } finally {
      await a.close();
    }
    expect(devicesOf(await theMove(ctx, north.data.tag))).toEqual({
      confirmed: [salesA.link.deviceId],
      outstanding: [salesC.link.deviceId],
    });
  });

  it('a device that syncs after two moves of a subject confirms both', async () => {
    const { admin, ctx, salesA, salesC, ids, north, south } = await organisation();
    const west = ok(
      await defineTerritory(ctx, {
        name: 'West',
        rules: { owners: [], countries: [], tags: [], postalRanges: [] },
        members: [],
        managers: [],
      }),
    );
    // North → south (the north's devices are waited for), then south → west, before A syncs.
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    await admin.sync();
    ok(await followMoves(ctx));
    expect((await moveToTerritory(admin.session, [ids.north], west.data)).moved).toBe(1);
    await admin.sync();
    ok(await followMoves(ctx));
    // A lets go once and confirms both notes; the first move, out of the north, counts A as confirmed.
    expect(await syncNorth(salesA, ['Wessel'])).toBe(2);
    expect(devicesOf(await theMove(ctx, north.data.tag))).toEqual({
      confirmed: [salesA.link.deviceId],
      outstanding: [salesC.link.deviceId],
    });
    // The second move, out of the south, waited for no north device, and lists none as confirmed.
    expect(devicesOf(await theMove(ctx, south.data.tag))).toEqual({ confirmed: [], outstanding: [] });
  });

  it('a device that never received a subject confirms it held nothing of its move', async () => {
    const { admin, ctx, salesA, salesC, north, south } = await organisation();
    // Created, put in the north and moved to the south while the north's devices were offline.
    const id = (await admin.session.people.create({ ...NORTH, givenName: 'Nina' })).id;
    expect((await moveToTerritory(admin.session, [id], north.data)).moved).toBe(1);
    expect((await moveToTerritory(admin.session, [id], south.data)).moved).toBe(1);
    await admin.sync();
    ok(await followMoves(ctx));
    expect(devicesOf(await theMove(ctx, north.data.tag))).toEqual({
      confirmed: [],
      outstanding: [salesA.link.deviceId, salesC.link.deviceId].sort(),
    });
    // C syncs, receives nothing of Nina, and confirms both her moves: it is no longer outstanding.
    expect(await syncNorth(salesC, ['Annelies', 'Wessel'])).toBe(2);
    expect(devicesOf(await theMove(ctx, north.data.tag))).toEqual({
      confirmed: [salesC.link.deviceId],
      outstanding: [salesA.link.deviceId],
    });
  });

  it("the admin's view is the server's word: a lying server can list a device as confirmed", async () => {
    const { admin, ctx, salesC, ids, north, south } = await organisation();
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    await admin.sync();
    ok(await followMoves(ctx));
    const liar = lyingServer();
    liar.lie('GET', '/territories/moves', (value) => {
      const moves = value.moves as { confirmed: unknown[]; outstanding: { deviceId: string }[] }[];
      return {
        moves: moves.map((m) => ({
          ...m,
          confirmed: [...m.confirmed, ...m.outstanding.map((d) => ({ ...d, confirmedAt: Date.now() }))],
          outstanding: [],
        })),
      };
    });
    const lied = await theMove({ ...ctx, fetch: liar.fetch }, north.data.tag);
    expect(lied.confirmed.map((d) => d.deviceId)).toContain(salesC.link.deviceId);
    // The device itself never let go: the claim is the server's alone (README's threat model says so).
    const c = await salesC.open();
    try {
      expect(await names(c.session)).toEqual(['Annelies', 'Wessel']);
    } finally {
      await c.close();
    }
  });
});
