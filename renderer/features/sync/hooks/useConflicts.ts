// The conflict records of one subject (shared/sync subjectConflicts), kept live; and a counter of applied
// conflicts, so a page that loaded its record once can be opened afresh after one.
import { useSyncExternalStore } from 'react';
import { subjectConflicts, type Conflict } from '../../../../shared/sync';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

export type { Conflict };

const NONE: readonly Conflict[] = [];

/** Every conflict record of the subject: its own fields and those of its items (deals, cases, activities). */
export const useConflicts = (subjectId: string): readonly Conflict[] =>
  valueOr(useLiveQuery(subjectConflicts, subjectId), NONE);

let applied = 0;
const listeners = new Set<() => void>();

/** Tells pages that a conflict's value was written to its record. */
export const conflictApplied = (): void => {
  applied += 1;
  for (const listener of listeners) listener();
};

/** Changes after every applied conflict: the shell keys record pages with it so they load again. */
export const useConflictsApplied = (): number =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => applied,
  );
