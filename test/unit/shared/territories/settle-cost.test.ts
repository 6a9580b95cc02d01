// Taking move notes in costs the notes that are new, not the organisation (issue 19 bench): a settlement
// reads the accepted moves of its notes' marks only, never the others; and a device settles a stored note
// once per session, again only when it comes back changed (RxDB memory storage, real libsodium).
import { describe, expect, it, vi } from 'vitest';
import { newId } from '../../../../shared/crypto';
import {
  latestMoves,
  settleMoveNotes,
  subjectMark,
  TERRITORY_MOVE,
  type AcceptedMove,
  type AcceptedMoves,
} from '../../../../shared/territories';
import { signSetting } from '../../../../shared/territories/signed-settings';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';
import { note, NORTH, SOUTH } from './move-notes';

const database = useMemoryDatabases();

/** Accepted moves of `size` marks that count every read of a mark, and every listing of them. */
const counted = (size: number) => {
  const target: AcceptedMoves = {};
  for (let i = 0; i < size; i++) target[`m${i}`] = { v: 1, at: 1, to: SOUTH };
  const reads = { marks: 0, listings: 0 };
  const moves = new Proxy(target, {
    get: (t, key) => (reads.marks++, Reflect.get(t, key)),
    getOwnPropertyDescriptor: (t, key) => (reads.marks++, Reflect.getOwnPropertyDescriptor(t, key)),
    has: (t, key) => (reads.marks++, Reflect.has(t, key)),
    ownKeys: (t) => (reads.listings++, Reflect.ownKeys(t)),
  });
  return { moves, reads };
};

describe('the cost of taking move notes in', () => {
  it('a settlement reads only the marks of its notes, however many moves were accepted', () => {
    const { moves, reads } = counted(100_000);
    const notes = [note(['m7', 'm8'], 2, NORTH, 5), note(['m9'], 9, NORTH, 5), note(['new'], 1, NORTH, 5)];
    const settled = settleMoveNotes(moves, notes);
    expect(reads.listings).toBe(0);
    // Each of the four marks read a few times (the rounds, `ahead` then `newer`), not 100,000 marks.
    expect(reads.marks).toBeLessThanOrEqual(4 * 6);
    expect([...settled.changes.keys()].sort()).toEqual(['m7', 'm8', 'new']);
    expect(settled.changes.get('m7')).toMatchObject({ v: 2, to: NORTH });
    expect(settled.taken).toEqual([notes[2], notes[0]]); // lowest version first
    expect(settled.refused).toEqual([notes[1]]); // v 9 over v 1: too far ahead, as before
    // The whole result, when asked for, is the accepted moves with the changes in place.
    expect(settled.accepted['m7']).toEqual<AcceptedMove>({ v: 2, at: 5, to: NORTH, id: notes[0]!.id! });
    expect(settled.accepted['m6']).toEqual<AcceptedMove>({ v: 1, at: 1, to: SOUTH });
    expect(Object.keys(settled.accepted)).toHaveLength(100_001);
  });

  it('settles each stored note once per session, and a note that comes back changed again', async () => {
    const session = await (await testVault(await database())).create(PASSPHRASE);
    // Written as an admin's device writes them: signed by this device (signed-settings.ts).
    const signer = await session.deviceSigner();
    const store = session.settings(TERRITORY_MOVE);
    const notes = {
      put: (note: Parameters<typeof store.put>[0], id: string) =>
        store.put(signSetting(session, signer, 'territory-move', id, note), id),
    };
    const marks = Array.from({ length: 3 }, () => subjectMark(session, newId()));
    await notes.put({ to: NORTH, at: 1, subjects: [{ mark: marks[0]!, from: null, v: 1 }] }, 'one');
    await notes.put({ to: NORTH, at: 2, subjects: [{ mark: marks[1]!, from: null, v: 1 }] }, 'two');
    const openJson = vi.spyOn(session.cipher, 'openJson');
    const notesOpened = () =>
      openJson.mock.calls.filter(
        ([, , address]) => (address as { collection?: string })?.collection === 'settings',
      ).length;

    const first = await latestMoves(session);
    expect(first.get(marks[0]!)).toBe(NORTH);
    expect(notesOpened()).toBe(2);
    // Nothing new: no note is opened, nor settled, again.
    expect((await latestMoves(session)).get(marks[1]!)).toBe(NORTH);
    expect(notesOpened()).toBe(2);
    // A new note: only it is opened.
    await notes.put({ to: NORTH, at: 3, subjects: [{ mark: marks[2]!, from: null, v: 1 }] }, 'three');
    expect((await latestMoves(session)).get(marks[2]!)).toBe(NORTH);
    expect(notesOpened()).toBe(3);
    // A note stored anew under its id (other sealed bytes) is read and settled again, as before.
    await notes.put({ to: SOUTH, at: 4, subjects: [{ mark: marks[0]!, from: NORTH, v: 2 }] }, 'one');
    expect((await latestMoves(session)).get(marks[0]!)).toBe(SOUTH);
    expect(notesOpened()).toBe(4);
    // The view handed out earlier follows the moves this session accepted since; it cannot change them.
    expect(first.get(marks[0]!)).toBe(SOUTH);
    expect('set' in first).toBe(false);
    // A new session settles the stored notes once again, and reads what was accepted.
    const again = await (await testVault(session.db)).unlock(PASSPHRASE);
    const latest = await latestMoves(again);
    expect(marks.map((mark) => latest.get(mark))).toEqual([SOUTH, NORTH, NORTH]);
  });
});
