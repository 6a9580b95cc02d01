// What the move-note tests of shared/territories share: two territory tags and a move note record of
// marks (accepted-moves.test.ts, settle-cost.test.ts, signed-settings.test.ts).
import { newId } from '../../../../shared/crypto';
import type { NoteRecord } from '../../../../shared/territories';

export const NORTH = '0123456789abcdef';
export const SOUTH = 'fedcba9876543210';

/** A stored move note sending `marks` to `to` at version `v`, none of them from a territory before. */
export const note = (marks: string[], v: number, to: string, at: number): NoteRecord => ({
  id: newId(),
  data: { to, at, subjects: marks.map((mark) => ({ mark, from: null, v })) },
});
