// What Settings → Territories shows while a territory's key is renewed (issue 19), fed by the real rotation
// against the real server on both adapters: the store the app passes as onProgress (renderer/features/sync/
// stores/territory-rotations.ts) hears the new key granted, then the territory's data keys re-wrapped page by
// page up to all of them, and ends finished — after a change of members in Settings and after the admin's
// pass over the territories when a holder was removed from the organisation. A rotation broken off midway
// says so, and the next pass finishes it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  trackTerritoryRotations,
  useTerritoryRotations,
  type TerritoryRotation,
} from '../../../renderer/features/sync/stores/territory-rotations';
import {
  changeTerritoryHolders,
  moveToTerritory,
  refreshHeldTerritories,
  setTerritoryHolders,
  territoryKeyId,
} from '../../../shared/territories';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { ok, removeFromOrganisation } from '../sync/members';
import { address, NORTH, twoTerritories } from './organisation';
import { useTerritoryServer } from './setup';

/** North customers added to the one already there, each moved in on its own, so north has this many pages. */
const NORTH_PAGES = 4;

/** Every state the store held for `tag`, in order, from now on. */
const watch = (tag: string) => {
  const seen: TerritoryRotation[] = [];
  const stop = useTerritoryRotations.subscribe(({ rotations }) => {
    const now = rotations[tag];
    if (now && now !== seen.at(-1)) seen.push(now);
  });
  return { seen, stop };
};

const figures = (seen: readonly TerritoryRotation[]) => seen.map((s) => [s.phase, s.done, s.total, s.state]);

afterEach(() => {
  useTerritoryRotations.setState({ rotations: {} });
});

describe.each(['sqlite', 'postgres'] as const)('territory key renewal progress: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  /** The two territories with north on NORTH_PAGES key pages, and both sales users holding north. */
  const northOnPages = async () => {
    const org = await twoTerritories(fixture.current);
    const { admin, salesA, salesB, north } = org;
    for (let i = 1; i < NORTH_PAGES; i++) {
      const id = (
        await admin.session.people.create({ ...NORTH, givenName: `N${i}`, address: address(`10${i}0 AB`) })
      ).id;
      expect((await moveToTerritory(admin.session, [id], north.data)).moved).toBe(1);
    }
    const ctx = { fetch, link: admin.link, session: admin.session };
    ok(
      await setTerritoryHolders(ctx, north.data.tag, {
        members: [salesA.link.userId, salesB.link.userId],
        managers: [],
      }),
    );
    return { ...org, ctx };
  };

  it('taking a member off in Settings shows the key granted, then every data key re-wrapped, then done', async () => {
    const { admin, salesA, north } = await northOnPages();
    const { tag } = north.data;
    const { seen, stop } = watch(tag);
    const changed = await trackTerritoryRotations((onProgress) =>
      changeTerritoryHolders(
        admin.session,
        { ...LOCAL_ACTOR, userId: admin.link.userId },
        { fetch, link: admin.link, tag, members: [salesA.link.userId], managers: [], onProgress },
      ),
    );
    stop();
    expect(ok(changed).data.epochId).not.toBe(north.data.epochId);
    expect(figures(seen)).toEqual([
      ['granting', 0, 0, 'running'],
      ...Array.from({ length: NORTH_PAGES + 1 }, (_, done) => ['rewrapping', done, NORTH_PAGES, 'running']),
      ['rewrapping', NORTH_PAGES, NORTH_PAGES, 'finished'],
    ]);
    // Only the territory that moved to a new epoch shows.
    expect(Object.keys(useTerritoryRotations.getState().rotations)).toEqual([tag]);
  });

  it('a holder removed from the organisation: the admin’s pass shows the renewal of their territory', async () => {
    const { admin, salesB, north, south } = await northOnPages();
    await removeFromOrganisation(admin, salesB.link.userId);
    const northSeen = watch(north.data.tag);
    const southSeen = watch(south.data.tag);
    // As the app's sync does before it starts and at every catch-up (territory-sync.ts).
    ok(
      await trackTerritoryRotations((onProgress) =>
        refreshHeldTerritories({ fetch, link: admin.link, session: admin.session, onProgress }),
      ),
    );
    northSeen.stop();
    southSeen.stop();
    // B held both: north on its pages one by one, south on its one page.
    expect(figures(northSeen.seen)).toEqual([
      ['granting', 0, 0, 'running'],
      ...Array.from({ length: NORTH_PAGES + 1 }, (_, done) => ['rewrapping', done, NORTH_PAGES, 'running']),
      ['rewrapping', NORTH_PAGES, NORTH_PAGES, 'finished'],
    ]);
    expect(figures(southSeen.seen)).toEqual([
      ['granting', 0, 0, 'running'],
      ['rewrapping', 0, 1, 'running'],
      ['rewrapping', 1, 1, 'running'],
      ['rewrapping', 1, 1, 'finished'],
    ]);
  });

  it('a renewal broken off midway says so, and the next pass finishes it', async () => {
    const { admin, salesA, north, ctx } = await northOnPages();
    const { tag } = north.data;
    const oldKeyId = territoryKeyId(tag, north.data.epochId);
    let pages = 0;
    // Stops after the second page, as a lock in the middle would.
    const pause = () => (++pages === 2 ? Promise.reject(new Error('locked')) : Promise.resolve());
    await expect(
      trackTerritoryRotations((onProgress) =>
        setTerritoryHolders({ ...ctx, onProgress, pause }, tag, {
          members: [salesA.link.userId],
          managers: [],
        }),
      ),
    ).rejects.toThrow('locked');
    expect(useTerritoryRotations.getState().rotations[tag]).toMatchObject({
      phase: 'rewrapping',
      done: 2,
      total: NORTH_PAGES,
      state: 'broken-off',
    });
    expect((await admin.db.keys.find().exec()).filter((p) => p.keyId === oldKeyId).length).toBe(
      NORTH_PAGES - 2,
    );

    const { seen, stop } = watch(tag);
    ok(
      await trackTerritoryRotations((onProgress) =>
        refreshHeldTerritories({ fetch, link: admin.link, session: admin.session, onProgress }),
      ),
    );
    stop();
    expect(figures(seen)).toEqual([
      ['rewrapping', 0, NORTH_PAGES - 2, 'running'],
      ['rewrapping', 1, NORTH_PAGES - 2, 'running'],
      ['rewrapping', 2, NORTH_PAGES - 2, 'running'],
      ['rewrapping', 2, NORTH_PAGES - 2, 'finished'],
    ]);
    expect((await admin.db.keys.find().exec()).filter((p) => p.keyId === oldKeyId).length).toBe(0);
  });
});
