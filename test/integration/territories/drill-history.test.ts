// The lost-device drill's history of moves (issue 19; shared/territories/exposure.ts), against the real
// server on both storage adapters. The drill reads, on the admin's device, where each subject was when the
// lost device last synced, back through the move notes written since. A manager's device holds the
// organisation key and may push settings: the notes it plants after the north laptop's last sync, one
// unsigned and one signed by its own device, say that north's customer came from the south, so the laptop
// could not have read it. Neither counts (no admin's device signed it), and the drill still reports the
// customer. And each subject's moves are read back by version, not by time alone: two admins' clocks
// need not agree.
import { describe, expect, it } from 'vitest';
import { fetchExposure, mapExposure } from '../../../shared/breach';
import { newId } from '../../../shared/crypto';
import {
  moveNotes,
  signSetting,
  subjectMark,
  TERRITORY_MOVE,
  type MoveNote,
} from '../../../shared/territories';
import { ok } from '../sync/members';
import { twoTerritories } from './organisation';
import { fieldUser, openSynced, useTerritoryServer } from './setup';

describe.each(['sqlite', 'postgres'] as const)('the drill reads back the moves that count: %s', (adapter) => {
  const fixture = useTerritoryServer(adapter);

  it("a manager's planted move notes do not hide that the lost laptop could read north's customer", async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    await (await openSynced(salesA)).close();
    const exposure = ok(await fetchExposure(fetch, admin.link, salesA.link.deviceId));
    expect(exposure.lastSyncAt).not.toBeNull();
    const after = exposure.lastSyncAt!;

    const manager = await openSynced(await fieldUser(fixture.current.place, admin, { role: 'manager' }));
    try {
      const mark = subjectMark(manager.session, ids.north);
      const back = (at: number): MoveNote => ({
        to: north.data.tag,
        at,
        subjects: [{ mark, from: south.data.tag, v: 2 }],
      });
      await manager.session.settings(TERRITORY_MOVE).put(back(after + 1), newId());
      const ownId = newId();
      const signer = await manager.session.deviceSigner();
      await manager.session
        .settings(TERRITORY_MOVE)
        .put(signSetting(manager.session, signer, 'territory-move', ownId, back(after + 2)), ownId);
      await manager.sync();
    } finally {
      await manager.close();
    }
    const before = (await moveNotes(admin.session)).length;
    await admin.sync();
    // The admin's device stores both (it takes every setting in), but neither is history.
    expect((await moveNotes(admin.session)).length).toBe(before + 2);

    const findings = await mapExposure(admin.session, exposure);
    expect(findings.personIds).toEqual([ids.north, ids.elsewhere].sort());
    expect(findings.figures.records).toEqual({ person: 2, 'test-note': 1 });
  });

  it('moves are read back by version: a later move stamped earlier by a slow clock', async () => {
    const { admin, salesA, ids, north, south } = await twoTerritories(fixture.current);
    await (await openSynced(salesA)).close();
    const exposure = ok(await fetchExposure(fetch, admin.link, salesA.link.deviceId));
    const after = exposure.lastSyncAt!;
    // After the laptop's last sync, north's customer went south (version 2) and back north (version 3),
    // the second move by an admin whose clock is behind; both signed by the admin's device.
    const mark = subjectMark(admin.session, ids.north);
    const signer = await admin.session.deviceSigner();
    const moves: MoveNote[] = [
      { to: south.data.tag, at: after + 20, subjects: [{ mark, from: north.data.tag, v: 2 }] },
      { to: north.data.tag, at: after + 10, subjects: [{ mark, from: south.data.tag, v: 3 }] },
    ];
    for (const note of moves) {
      const id = newId();
      await admin.session
        .settings(TERRITORY_MOVE)
        .put(signSetting(admin.session, signer, 'territory-move', id, note), id);
    }

    const findings = await mapExposure(admin.session, exposure);
    expect(findings.personIds).toEqual([ids.north, ids.elsewhere].sort());
  });
});
