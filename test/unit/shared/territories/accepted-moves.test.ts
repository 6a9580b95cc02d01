// The moves a device accepted (shared/territories/accepted-moves.ts) are kept as a base and parts, each
// part holding only what one acceptance changed: what a device reads back, on this session or after
// unlocking again, is what the settlement accepted, across compactions and from the document kept before
// parts (RxDB memory storage, real libsodium).
import { describe, expect, it } from 'vitest';
import { newId } from '../../../../shared/crypto';
import {
  acceptedMoves,
  acceptMoveNotes,
  settleMoveNotes,
  type AcceptedMoves,
  type NoteRecord,
} from '../../../../shared/territories';
import { COMPACT_AFTER } from '../../../../shared/territories/accepted-moves';
import { writeLocalDoc } from '../../../../shared/vault';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';

const database = useMemoryDatabases();
const NORTH = '0123456789abcdef';
const SOUTH = 'fedcba9876543210';

const note = (marks: string[], v: number, to: string, at: number): NoteRecord => ({
  id: newId(),
  data: { to, at, subjects: marks.map((mark) => ({ mark, from: null, v })) },
});

describe('accepted moves', () => {
  it('reads back what the settlement accepted, after every acceptance, a compaction and a new unlock', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    // A device that kept its accepted moves in one document before parts.
    const former: AcceptedMoves = { kept: { v: 1, at: 1, to: SOUTH }, a: { v: 1, at: 1, to: SOUTH } };
    await writeLocalDoc(session, 'territory-moves-accepted', former);
    let expected: AcceptedMoves = former;
    const marks = Array.from({ length: 50 }, (_, i) => `m${i}`);
    for (let round = 1; round <= COMPACT_AFTER * 2 + 3; round++) {
      // Every round moves one mark more, and mark a once again.
      const notes = [note(marks.slice(0, round), 1, NORTH, 10 + round), note(['a'], round + 1, NORTH, 10)];
      const settled = settleMoveNotes(expected, notes);
      expected = settled.accepted;
      const { refused } = await acceptMoveNotes(session, notes);
      expect(refused).toBe(settled.refused.length);
      expect(await acceptedMoves(session)).toEqual(expected);
    }
    expect(expected['a']).toMatchObject({ v: COMPACT_AFTER * 2 + 4, to: NORTH });
    expect(expected['kept']).toEqual({ v: 1, at: 1, to: SOUTH });
    // A note too far ahead is refused and changes nothing.
    expect((await acceptMoveNotes(session, [note(['a'], 99, SOUTH, 99)])).refused).toBe(1);
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    expect(await acceptedMoves(again)).toEqual(expected);
    // The parts are compacted: a bounded number of documents, the former one gone.
    const ids = (await db.vault.find().exec())
      .map((d) => d.id)
      .filter((id) => id.startsWith('territory-moves'));
    expect(ids).not.toContain('territory-moves-accepted');
    expect(ids.filter((id) => id.includes('-part-')).length).toBeLessThan(COMPACT_AFTER);
  });
});
