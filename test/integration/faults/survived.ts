// What every fault loop must end with: each acknowledged write on the server exactly once, nothing there
// that no device wrote, and every device holding the server's state.
import { expect } from 'vitest';
import type { LoopOutcome } from './loop';

export const expectSurvived = (outcome: LoopOutcome, leastFaults: number): void => {
  const { check, ...figures } = outcome;
  console.log(JSON.stringify({ ...figures, stored: check.stored, lost: check.lost.length }));
  expect(outcome.faults).toBeGreaterThanOrEqual(leastFaults);
  expect(outcome.edits).toBeGreaterThan(0);
  expect(outcome.check.lost).toEqual([]);
  expect(outcome.check.duplicated).toEqual([]);
  expect(outcome.check.unexpected).toEqual([]);
  expect(outcome.diverged).toBe(0);
};
