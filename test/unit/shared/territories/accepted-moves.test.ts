// The moves a device accepted (shared/territories/accepted-moves.ts) are kept as a base and parts in a
// fixed set of slots, each part holding only what one acceptance changed: what a device reads back, on
// this session or after unlocking again, is what the settlement accepted, across compactions, from the
// layout before slots, and after a write that failed; the documents stored (removed ones included) do
// not grow with the acceptances; and stored moves that do not open are refused, never read as none
// (RxDB memory storage, real libsodium).
import { getChangedDocumentsSince } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../../shared/crypto';
import type { KluisDatabase } from '../../../../shared/store';
import {
  acceptedMoves,
  acceptMoveNotes,
  settleMoveNotes,
  subjectMark,
  TERRITORY_MOVE,
  type AcceptedMoves,
  type NoteRecord,
} from '../../../../shared/territories';
import { COMPACT_AFTER } from '../../../../shared/territories/accepted-moves';
import { Departures, type Wire } from '../../../../shared/territories/departures';
import { admitTerritorySettings } from '../../../../shared/territories/replays';
import { localDocPayload, writeLocalDoc, type Session } from '../../../../shared/vault';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';
import { note, NORTH, SOUTH } from './move-notes';

const database = useMemoryDatabases();
const FORMER = 'territory-moves-accepted';
const BASE = 'territory-moves-accepted-base';
const formerPart = (n: number) => `territory-moves-accepted-part-${n}`;

/** The accepted moves' documents the vault collection stores, removed ones included (RxDB keeps them). */
const storedDocs = async (db: KluisDatabase): Promise<{ id: string; deleted: boolean }[]> =>
  (await getChangedDocumentsSince(db.vault.storageInstance, 1_000_000)).documents
    .filter((doc) => doc.id.startsWith(FORMER))
    .map((doc) => ({ id: doc.id, deleted: doc._deleted }));

/** The ids of the accepted moves' documents there are (not removed). */
const liveIds = async (db: KluisDatabase) =>
  (await storedDocs(db)).filter((d) => !d.deleted).map((d) => d.id);

/** A part or base as the layout before slots wrote it (each move with its own note entry). */
const compactOf = (moves: AcceptedMoves) => {
  const notes: [number, string, string?][] = [];
  const marks: Record<string, [number, number]> = {};
  for (const [mark, m] of Object.entries(moves))
    marks[mark] = [m.v, notes.push(m.id === undefined ? [m.at, m.to] : [m.at, m.to, m.id]) - 1];
  return { notes, marks };
};

/** Accepts `notes` and checks the device reads back what the settlement accepted; answers that. */
const acceptAndCheck = async (session: Session, current: AcceptedMoves, notes: NoteRecord[]) => {
  const settled = settleMoveNotes(current, notes);
  const { refused } = await acceptMoveNotes(session, notes);
  expect(refused).toBe(settled.refused.length);
  expect(await acceptedMoves(session)).toEqual(settled.accepted);
  return settled.accepted;
};

describe('accepted moves', () => {
  it('reads back what the settlement accepted, after every acceptance, a compaction and a new unlock', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    // A device that kept its accepted moves in one document before parts.
    const former: AcceptedMoves = { kept: { v: 1, at: 1, to: SOUTH }, a: { v: 1, at: 1, to: SOUTH } };
    await writeLocalDoc(session, FORMER, former);
    let expected: AcceptedMoves = former;
    const marks = Array.from({ length: 50 }, (_, i) => `m${i}`);
    for (let round = 1; round <= COMPACT_AFTER * 2 + 3; round++) {
      // Every round moves one mark more, and mark a once again.
      const notes = [note(marks.slice(0, round), 1, NORTH, 10 + round), note(['a'], round + 1, NORTH, 10)];
      expected = await acceptAndCheck(session, expected, notes);
    }
    expect(expected['a']).toMatchObject({ v: COMPACT_AFTER * 2 + 4, to: NORTH });
    expect(expected['kept']).toEqual({ v: 1, at: 1, to: SOUTH });
    // A note too far ahead is refused and changes nothing.
    expect((await acceptMoveNotes(session, [note(['a'], 99, SOUTH, 99)])).refused).toBe(1);
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    expect(await acceptedMoves(again)).toEqual(expected);
    // A bounded number of documents, the former one gone.
    const ids = await liveIds(db);
    expect(ids).not.toContain(FORMER);
    expect(ids.length).toBeLessThanOrEqual(COMPACT_AFTER);
  });

  it('stores no more documents, removed ones included, however many acceptances', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    let expected: AcceptedMoves = {};
    const counts: number[] = [];
    for (let round = 1; round <= COMPACT_AFTER * 4 + 5; round++) {
      // Mark a moves again, and a new mark moves for the first time.
      expected = await acceptAndCheck(session, expected, [
        note(['a'], round, NORTH, round),
        note([`m${round}`], 1, SOUTH, round),
      ]);
      counts.push((await storedDocs(db)).length);
    }
    // Once every slot was written, each acceptance overwrites a document: the count stays where it is.
    expect(counts.at(-1)).toBeLessThanOrEqual(COMPACT_AFTER);
    expect(new Set(counts.slice(COMPACT_AFTER)).size).toBe(1);
    expect((await storedDocs(db)).filter((d) => d.deleted)).toEqual([]);
    // The stale parts in the slots after each compaction are left out, on this session and the next.
    expect(await acceptedMoves(session)).toEqual(expected);
    expect(await acceptedMoves(await (await testVault(db)).unlock(PASSPHRASE))).toEqual(expected);
  });

  it('reads the layout before slots, crash leftovers included, and removes it once at the next acceptance', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const inBase: AcceptedMoves = { kept: { v: 1, at: 1, to: SOUTH }, a: { v: 2, at: 3, to: NORTH } };
    // A compaction that stopped after writing the base: the former document and a part below upTo remain.
    await writeLocalDoc(session, FORMER, { kept: { v: 1, at: 1, to: SOUTH } });
    await writeLocalDoc(session, formerPart(3), compactOf({ kept: { v: 9, at: 5, to: NORTH } }));
    await writeLocalDoc(session, BASE, { upTo: 16, ...compactOf(inBase) });
    await writeLocalDoc(session, formerPart(17), compactOf({ a: { v: 3, at: 4, to: NORTH, id: 'n17' } }));
    await writeLocalDoc(session, formerPart(18), compactOf({ b: { v: 1, at: 5, to: SOUTH } }));
    let expected: AcceptedMoves = {
      ...inBase,
      a: { v: 3, at: 4, to: NORTH, id: 'n17' },
      b: { v: 1, at: 5, to: SOUTH },
    };
    expect(await acceptedMoves(session)).toEqual(expected);
    expect(await acceptedMoves(await (await testVault(db)).unlock(PASSPHRASE))).toEqual(expected);

    expected = await acceptAndCheck(session, expected, [note(['c'], 1, NORTH, 20)]);
    const ids = await liveIds(db);
    expect(ids).not.toContain(FORMER);
    expect(ids.filter((id) => id.includes('-part-'))).toEqual([]);
    const afterMove = (await storedDocs(db)).length;
    for (let round = 2; round <= COMPACT_AFTER * 2; round++)
      expected = await acceptAndCheck(session, expected, [note(['c'], round, NORTH, 20 + round)]);
    // Removed once: the documents of the layout before slots are not removed again, nor any slot.
    expect((await storedDocs(db)).length).toBe(afterMove + COMPACT_AFTER - 1);
    expect(await acceptedMoves(await (await testVault(db)).unlock(PASSPHRASE))).toEqual(expected);
  });

  it('a write that fails after the base was stored does not fail the acceptance, nor lose what it accepted', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    await writeLocalDoc(session, FORMER, { a: { v: 1, at: 1, to: SOUTH } });
    await writeLocalDoc(session, formerPart(1), compactOf({ b: { v: 1, at: 2, to: SOUTH } }));
    await writeLocalDoc(session, formerPart(2), compactOf({ a: { v: 2, at: 3, to: NORTH } }));
    let expected: AcceptedMoves = {
      a: { v: 2, at: 3, to: NORTH },
      b: { v: 1, at: 2, to: SOUTH },
    };
    // The first removal after a base was written fails (the device stops, the disk is full).
    const bulkRemove = db.vault.bulkRemove.bind(db.vault);
    let removals = 0;
    db.vault.bulkRemove = ((ids: string[]) => {
      if (removals++ === 0) return Promise.reject(new Error('disk full'));
      return bulkRemove(ids);
    }) as typeof db.vault.bulkRemove;
    for (let round = 1; round <= COMPACT_AFTER + 2; round++)
      expected = await acceptAndCheck(session, expected, [
        note(['a'], round + 2, NORTH, 10 + round),
        note([`m${round}`], 1, NORTH, 10 + round),
      ]);
    expect(removals).toBeGreaterThanOrEqual(2); // it failed once, and was done at a later acceptance
    expect(await acceptedMoves(await (await testVault(db)).unlock(PASSPHRASE))).toEqual(expected);
    expect((await liveIds(db)).filter((id) => id === FORMER || id.includes('-part-'))).toEqual([]);
  });

  it('a write that fails accepts nothing, and the next acceptance takes the notes in', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    let expected: AcceptedMoves = {};
    const upsert = db.vault.upsert.bind(db.vault);
    for (let round = 1; round <= COMPACT_AFTER * 2 + 2; round++) {
      const notes = [note(['a'], round, NORTH, round), note([`m${round}`], 1, NORTH, round)];
      if (round % COMPACT_AFTER === 1) {
        // The write of the base (round 1, then each compaction) fails once.
        db.vault.upsert = ((doc: Parameters<typeof upsert>[0]) => {
          db.vault.upsert = upsert;
          return Promise.reject(new Error(`disk full writing ${doc.id}`));
        }) as typeof db.vault.upsert;
        await expect(acceptMoveNotes(session, notes)).rejects.toThrow(
          /disk full writing territory-moves-accepted/,
        );
        expect(await acceptedMoves(session)).toEqual(expected);
      }
      expected = await acceptAndCheck(session, expected, notes);
    }
    expect(await acceptedMoves(await (await testVault(db)).unlock(PASSPHRASE))).toEqual(expected);
  });

  it('refuses moves whose base does not open, rather than forgetting them', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    let expected: AcceptedMoves = {};
    for (const [v, to] of [
      [1, NORTH],
      [2, SOUTH],
      [3, NORTH],
    ] as const)
      expected = await acceptAndCheck(session, expected, [note(['secret-mark'], v, to, v)]);
    // Enough acceptances after those for the base to hold them.
    for (let round = 1; round <= COMPACT_AFTER; round++)
      expected = await acceptAndCheck(session, expected, [note([`m${round}`], 1, SOUTH, 9)]);
    // A subject left north: its move note is stored, and its departure waits to be let go.
    const subjectId = newId();
    const mark = subjectMark(session, subjectId);
    await session.settings(TERRITORY_MOVE).put({ to: SOUTH, at: 5, subjects: [{ mark, from: NORTH, v: 1 }] });
    await writeLocalDoc(session, 'territory-departed', {
      [subjectId]: { left: ['records'], reported: false, from: NORTH },
    });
    expect(await new Departures(session).due()).toBe(true);

    // The base is replaced by a document sealed for another id (or damaged).
    await writeLocalDoc(session, 'elsewhere', {});
    const elsewhere = (await localDocPayload(session, 'elsewhere'))!;
    await db.vault.upsert({ id: BASE, payload: elsewhere, updatedAt: Date.now() });
    const refusal = await acceptedMoves(session).catch((e: unknown) => e as Error);
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(/accepted do not open/);
    expect((refusal as Error).message).not.toContain('secret-mark');
    // A replay of the first move is not taken in as if nothing had been accepted.
    await expect(acceptMoveNotes(session, [note(['secret-mark'], 1, SOUTH, 9)])).rejects.toThrow(
      /do not open/,
    );
    // A settings pull still brings in the other settings; its move notes are refused, not decided on.
    const stored = (await db.settings.find().exec()).map((d) => d.toJSON() as unknown as Wire);
    const noteDoc = stored.find((d) => d.kind === TERRITORY_MOVE.kind)!;
    const other: Wire = { id: 'another-setting', kind: 'team', payload: 'sealed' };
    expect(await admitTerritorySettings(session, [noteDoc, other])).toEqual([other]);
    // No departure is proved, nothing is let go, and the guard's calls do not throw.
    const departures = new Departures(session);
    expect(await departures.due()).toBe(false);
    expect(await departures.letGo('records', [])).toEqual([]);
    // Audited once per unlock, with no mark in it.
    const unreadable = async () =>
      (await session.audit.entries()).entries.filter((e) => e.kind === 'territory-moves-unreadable');
    expect(await unreadable()).toHaveLength(1);
    expect(
      (await session.audit.entries()).entries.filter((e) => e.kind === 'territory-replay-refused'),
    ).toHaveLength(1);
    expect(JSON.stringify((await unreadable())[0]!.details)).not.toContain('secret-mark');
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    await expect(acceptedMoves(again)).rejects.toThrow(/do not open/);
    expect(await new Departures(again).due()).toBe(false);
    expect(await unreadable()).toHaveLength(2);
  });

  it('refuses moves whose former document does not open', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    await writeLocalDoc(session, 'elsewhere', { a: { v: 3, at: 3, to: NORTH } });
    await db.vault.upsert({
      id: FORMER,
      payload: (await localDocPayload(session, 'elsewhere'))!,
      updatedAt: 1,
    });
    await expect(acceptedMoves(session)).rejects.toThrow(/do not open/);
    await expect(acceptMoveNotes(session, [note(['a'], 1, SOUTH, 9)])).rejects.toThrow(/do not open/);
    expect(await localDocPayload(session, BASE)).toBeNull();
  });
});
