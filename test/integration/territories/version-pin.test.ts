// Territory versions that cannot be pinned, and that settle the same everywhere (review F2 and F3), on both
// storage adapters. A manager may push organisation settings, so a manager's device (anyone holding the
// organisation key, with the server's help) can write a move note or a definition at the highest version:
// the admin's devices go on moving subjects and saving territories, one version above what they accepted,
// and members refuse the planted one (audited, counts only). Since settings are signed (signed-settings.ts)
// an unsigned plant is refused before its version is read, so the plants here carry the admin device's
// signature (a device that signs wrongly, or a setting from before signing, is what versions guard then). Two different moves of a subject under one
// version (two admins offline) settle on the same move on every device, whichever note it pulled first.
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/crypto';
import type { Fetch } from '../../../shared/sync';
import {
  acceptedMoves,
  listTerritories,
  moveToTerritory,
  refreshHeldTerritories,
  setTerritoryHolders,
  signSetting,
  subjectMark,
  TERRITORY,
  TERRITORY_MOVE,
} from '../../../shared/territories';
import { territoryOfPage } from '../../../shared/territories/tags';
import type { Session } from '../../../shared/vault';
import { lyingServer } from '../sync/lying-server';
import { ok } from '../sync/members';
import { names, twoTerritories } from './organisation';
import { fieldUser, type OpenField, useTerritoryServer } from './setup';

const MAX = Number.MAX_SAFE_INTEGER;

const refusals = async (session: Session) =>
  (await session.audit.entries()).entries
    .filter((e) => e.kind === 'territory-replay-refused')
    .map((e) => e.details as { definitions: number; moves: number });

const pageOf = async (session: Session, subjectId: string) =>
  territoryOfPage(
    ((await session.db.records.findOne(subjectId).exec())?.toJSON() as { keyId: string }).keyId,
  );

/** Settings pulls asked from the start, without the documents whose id ends in one of `hidden`. */
const settingsWithout = (...hidden: string[]): Fetch => {
  const liar = lyingServer();
  liar.lie('GET', '/sync/settings/pull', (value) => ({
    ...value,
    documents: (value.documents as { id: string }[]).filter(
      (d) => !hidden.some((id) => d.id.endsWith(`_${id}`)),
    ),
  }));
  return (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname.endsWith('/sync/settings/pull')) url.searchParams.set('checkpoint', '0');
    return liar.fetch(url.href, init);
  };
};

describe.each(['sqlite', 'postgres'] as const)('territory versions: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it('a move note planted at the highest version stops no move and pins no subject', async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    const manager = await fieldUser(fixture.current.place, admin, { role: 'manager' });
    await admin.sync();
    const m = await manager.open();
    const planted = newId();
    try {
      await m.sync();
      const mark = subjectMark(m.session, ids.north);
      const note = { to: south.data.tag, at: Date.now(), subjects: [{ mark, from: north.data.tag, v: MAX }] };
      const signer = await admin.session.deviceSigner();
      await m.session
        .settings(TERRITORY_MOVE)
        .put(signSetting(m.session, signer, 'territory-move', planted, note), planted);
      await m.sync();
    } finally {
      await m.close();
    }
    await admin.sync();
    const stored = (await admin.session.settings(TERRITORY_MOVE).list()).records;
    expect(stored.map((n) => n.id)).toContain(planted);

    // The admin moves north's customer south and back: both moves complete, each one version up.
    expect((await moveToTerritory(admin.session, [ids.north], south.data)).moved).toBe(1);
    expect(await pageOf(admin.session, ids.north)).toBe(south.data.tag);
    expect((await moveToTerritory(admin.session, [ids.north], north.data)).moved).toBe(1);
    expect(await pageOf(admin.session, ids.north)).toBe(north.data.tag);
    const mark = subjectMark(admin.session, ids.north);
    const versions = (await admin.session.settings(TERRITORY_MOVE).list()).records
      .filter((n) => n.id !== planted)
      .flatMap((n) => n.data.subjects.filter((s) => s.mark === mark).map((s) => s.v))
      .sort();
    expect(versions).toEqual([1, 2, 3]);
    expect((await acceptedMoves(admin.session))[mark]).toMatchObject({ v: 3, to: north.data.tag });
    expect(await refusals(admin.session)).toEqual([{ definitions: 0, moves: 1 }]);
    await admin.sync();

    // North's sales device takes the three moves, refuses the planted one, and keeps the customer.
    const a = await salesA.open();
    try {
      ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
      await a.syncGuarded();
      await a.syncGuarded();
      expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
      expect((await acceptedMoves(a.session))[mark]).toMatchObject({ v: 3, to: north.data.tag });
      expect((await a.session.settings(TERRITORY_MOVE).list()).records.map((n) => n.id)).not.toContain(
        planted,
      );
      const refused = await refusals(a.session);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => r.definitions === 0)).toBe(true);
    } finally {
      await a.close();
    }
  });

  it('a definition planted at the highest version stops no save, and members refuse it', async () => {
    const { admin, salesA, salesB, north } = await twoTerritories(fixture.current);
    const manager = await fieldUser(fixture.current.place, admin, { role: 'manager' });
    await admin.sync();
    const northAsSeen = async (sync: (a: OpenField) => Promise<void>) => {
      const a = await salesA.open();
      try {
        ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
        await sync(a);
        ok(await refreshHeldTerritories({ fetch, link: a.link, session: a.session }));
        await a.syncGuarded();
        expect(await names(a.session)).toEqual(['Annelies', 'Wessel']);
        const seen = (await listTerritories(a)).find((t) => t.data.tag === north.data.tag)!;
        return { definition: seen.data, refused: await refusals(a.session) };
      } finally {
        await a.close();
      }
    };
    const first = await northAsSeen((a) => a.syncGuarded());
    expect(first.refused).toEqual([]);

    // The manager's device writes north at the highest version, naming nobody.
    const m = await manager.open();
    try {
      await m.sync();
      const current = (await m.session.settings(TERRITORY).get(north.data.tag)).data;
      const pinned = { ...current, version: MAX, members: [], holders: [] };
      const signer = await admin.session.deviceSigner();
      await m.session
        .settings(TERRITORY)
        .put(signSetting(m.session, signer, 'territory', north.data.tag, pinned), north.data.tag);
      await m.sync();
    } finally {
      await m.close();
    }
    // North's sales device refuses it: north and its customer stay.
    const kept = await northAsSeen((a) => a.syncGuarded());
    expect(kept.definition.version).toBe(first.definition.version);
    expect(kept.definition.members).toEqual([salesA.link.userId]);
    expect(kept.refused.length).toBeGreaterThan(0);
    expect(kept.refused.every((r) => r.definitions === 1 && r.moves === 0)).toBe(true);

    // The admin's device pulls it, and still saves north (a rotation's save included) and refreshes.
    await admin.sync();
    const ctx = { fetch, link: admin.link, session: admin.session };
    const members = [salesA.link.userId, salesB.link.userId];
    ok(await setTerritoryHolders(ctx, north.data.tag, { members, managers: [] }));
    ok(await refreshHeldTerritories(ctx));
    const saved = (await listTerritories(admin)).find((t) => t.data.tag === north.data.tag)!;
    expect(saved.data.version).toBeGreaterThan(first.definition.version);
    expect(saved.data.version).toBeLessThan(first.definition.version + 5);
    expect(saved.data.members).toEqual(members);
    expect((await refusals(admin.session)).length).toBeGreaterThan(0);
    await admin.sync();

    // The sales device takes the admin's save.
    const taken = await northAsSeen((a) => a.syncGuarded());
    expect(taken.definition.members).toEqual(members);
    expect(taken.definition.version).toBe(saved.data.version);
  });

  it('two moves under one version settle the same on devices that pulled them in either order', async () => {
    const { admin, salesA, salesB, ids, north, south } = await twoTerritories(fixture.current);
    // Two admins, offline, each move the organisation-wide customer: both notes are its first move.
    const mark = subjectMark(admin.session, ids.elsewhere);
    const at = Date.now();
    const first = newId();
    const second = newId();
    const notes = admin.session.settings(TERRITORY_MOVE);
    const signer = await admin.session.deviceSigner();
    const signed = (id: string, to: string) =>
      signSetting(admin.session, signer, 'territory-move', id, {
        to,
        at,
        subjects: [{ mark, from: null, v: 1 }],
      });
    await notes.put(signed(first, south.data.tag), first);
    await notes.put(signed(second, north.data.tag), second);
    await admin.sync();

    const settled = [];
    for (const [field, hidden] of [
      [salesA, first],
      [salesB, second],
    ] as const) {
      const d = await field.open();
      try {
        ok(await refreshHeldTerritories({ fetch, link: d.link, session: d.session }));
        // One note in the first pull, both in the next: each device gets them in another order.
        await d.syncGuarded(settingsWithout(hidden));
        expect((await acceptedMoves(d.session))[mark]?.id).toBe(hidden === first ? second : first);
        await d.syncGuarded(settingsWithout());
        const stored = (await d.session.settings(TERRITORY_MOVE).list()).records.map((n) => n.id);
        expect(stored).toEqual(expect.arrayContaining([first, second]));
        settled.push((await acceptedMoves(d.session))[mark]);
        expect(await refusals(d.session)).toEqual([]);
      } finally {
        await d.close();
      }
    }
    const winner = first > second ? first : second;
    expect(settled[0]).toEqual(settled[1]);
    expect(settled[0]).toMatchObject({ v: 1, at, id: winner });
  });
});
