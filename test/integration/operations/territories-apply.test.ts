// Applying the territory rules to more subjects than one step holds (issue 19, bench territory-share):
// the admin's apply goes in steps of at most APPLY_BATCH subjects, each a key page of its own within the
// server's payload bound, reports "n of N" after each, audits each step's moves as it goes, and an apply
// that stops midway is finished by a second one. RxDB memory storage, real libsodium; the server's user
// list and grants are the operation cases' stand-in.
import { describe, expect, it } from 'vitest';
import { keyPageEntries } from '../../../shared/store';
import {
  APPLY_BATCH,
  applyTerritories,
  territoryKeyId,
  territoryOfPage,
  type ApplyProgress,
} from '../../../shared/territories';
import { annelies } from '../../fixtures/people';
import { DEFAULT_ACTOR, workspacePerTest } from './harness';
import { defineOn } from './territories.cases';

/** The most a pushed document's opaque payload may hold (shared/sync/protocol.ts). */
const PAYLOAD_LIMIT = 1024 * 1024;
const NORTH = APPLY_BATCH + 20;
const SOUTH = 30;

const person = (postalCode: string, i: number) => ({
  ...annelies,
  givenName: `P${i}`,
  address: { street: '', postalCode, city: '', region: '', country: 'NL' },
});

describe('applying the territory rules in steps', () => {
  const fresh = workspacePerTest();

  it('moves every subject under its territory key, in bounded key pages, reporting n of N', async () => {
    const { workspace, db } = fresh;
    const north = (await defineOn(workspace, 'Noord', '1000', '1999')).data;
    const south = (await defineOn(workspace, 'Zuid', '5000', '5999')).data;
    const ids = { north: [] as string[], south: [] as string[] };
    for (let i = 0; i < NORTH; i++) ids.north.push((await workspace.people.create(person('1017 AB', i))).id);
    for (let i = 0; i < SOUTH; i++) ids.south.push((await workspace.people.create(person('5611 EM', i))).id);
    const auditedBefore = new Set((await workspace.audit.entries()).entries.map((e) => e.id));

    // The first apply stops after its first step (the window closed): what that step moved stays moved
    // and audited.
    const first: ApplyProgress[] = [];
    const stop = new Error('stopped');
    await expect(
      applyTerritories(workspace, DEFAULT_ACTOR, {
        progress: (p) => {
          first.push(p);
          if (p.done > 0) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(first).toEqual([
      { done: 0, total: NORTH + SOUTH },
      { done: APPLY_BATCH, total: NORTH + SOUTH },
    ]);

    // A second apply finishes the job; the subjects the first moved are left alone.
    const second: ApplyProgress[] = [];
    const moved = await applyTerritories(workspace, DEFAULT_ACTOR, { progress: (p) => second.push(p) });
    expect(moved).toEqual({ [north.tag]: NORTH - APPLY_BATCH, [south.tag]: SOUTH });
    expect(second.map((p) => p.done)).toEqual([0, APPLY_BATCH, NORTH, NORTH + SOUTH]);
    expect(second.every((p) => p.total === NORTH + SOUTH)).toBe(true);

    // Every record is sealed for a page of its subject's territory, and that page is under the
    // territory's current key and holds the subject's entry.
    const pages = new Map((await db.keys.find().exec()).map((d) => [d.id, d.toJSON()]));
    for (const [tag, epochId, subjects] of [
      [north.tag, north.epochId, ids.north],
      [south.tag, south.epochId, ids.south],
    ] as const) {
      const records = await db.records.find({ selector: { subjectId: { $in: [...subjects] } } }).exec();
      expect(records).toHaveLength(subjects.length);
      for (const record of records) {
        expect(territoryOfPage(record.keyId)).toBe(tag);
        const page = pages.get(record.keyId)!;
        expect(page.keyId).toBe(territoryKeyId(tag, epochId));
        expect(Object.keys(keyPageEntries(page.payload))).toContain(record.subjectId);
      }
    }
    // Each key page within the bound: at most one step's entries, its payload under the server's limit.
    const territoryPages = [...pages.values()].filter((p) => territoryOfPage(p.id));
    expect(territoryPages.length).toBeGreaterThanOrEqual(3);
    for (const page of territoryPages) {
      expect(Object.keys(keyPageEntries(page.payload)).length).toBeLessThanOrEqual(APPLY_BATCH);
      expect(page.payload.length).toBeLessThan(PAYLOAD_LIMIT);
    }
    // The workspace still reads everyone (the data keys open from their new pages).
    expect((await workspace.people.loadAll()).records).toHaveLength(NORTH + SOUTH);

    // Every moved subject is in an audit entry of the step that moved it: the stopped apply's too.
    const audited = (await workspace.audit.entries()).entries.filter(
      (e) => !auditedBefore.has(e.id) && e.kind === 'territory-move',
    );
    expect(audited).toHaveLength(3);
    expect(audited.flatMap((e) => e.recordIds ?? []).sort()).toEqual([...ids.north, ...ids.south].sort());
  }, 240_000);
  it('finishes a step that stopped between re-sealing and dropping the former page', async () => {
    const { workspace, db } = fresh;
    const north = (await defineOn(workspace, 'Noord', '1000', '1999')).data;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await workspace.people.create(person('1017 AB', i))).id);
    const [onlyPage, notResealed, partly] = ids as [string, string, string];
    const before = {
      keys: (await db.keys.find().exec()).map((d) => d.toJSON()),
      records: (await db.records.find().exec()).map((d) => d.toJSON()),
      items: (await db.items.find().exec()).map((d) => d.toJSON()),
    };
    await applyTerritories(workspace, DEFAULT_ACTOR, undefined);

    // The states a stop leaves: the former page still wraps every subject's key; one subject was not
    // re-sealed at all (its profile still under the former page); one was re-sealed but for its profile
    // only (its other records and items still under the former page).
    await db.keys.bulkUpsert(before.keys);
    await db.records.bulkUpsert(
      before.records.filter(
        (d) => d.subjectId === notResealed || (d.subjectId === partly && d.id !== partly),
      ),
    );
    await db.items.bulkUpsert(
      before.items.filter((d) => d.subjectId === notResealed || d.subjectId === partly),
    );
    const doubled = async () => {
      const pagesOf = new Map<string, string[]>();
      for (const page of await db.keys.find().exec())
        for (const id of Object.keys(keyPageEntries(page.payload)))
          pagesOf.set(id, [...(pagesOf.get(id) ?? []), page.id]);
      return pagesOf;
    };
    const stopped = await doubled();
    for (const id of ids) expect(stopped.get(id)).toHaveLength(2);

    await applyTerritories(workspace, DEFAULT_ACTOR, undefined);
    const pagesOf = await doubled();
    for (const id of [onlyPage, notResealed, partly]) {
      const profile = (await db.records.findOne(id).exec())!;
      expect(territoryOfPage(profile.keyId)).toBe(north.tag);
      // In one page only, the profile's, and every record and item of the subject sealed for it.
      expect(pagesOf.get(id)).toEqual([profile.keyId]);
      const docs = [
        ...(await db.records.find({ selector: { subjectId: id } }).exec()),
        ...(await db.items.find({ selector: { subjectId: id } }).exec()),
      ];
      expect(docs.every((d) => d.keyId === profile.keyId)).toBe(true);
    }
    expect((await workspace.people.loadAll()).records).toHaveLength(3);
  }, 120_000);
});
