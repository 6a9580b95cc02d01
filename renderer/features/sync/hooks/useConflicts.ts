// The conflict records of one subject (merge.ts), decrypted with the subject's key, kept up to date; and a
// counter of applied conflicts, so a page that loaded its record once can be opened afresh after one.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { recordAddress } from '../../../../shared/store';
import type { RecordDoc } from '../../../../shared/store';
import { CONFLICT_KIND, type ConflictPayload } from '../../../../shared/sync';
import type { Session } from '../../../../shared/vault';

export interface Conflict extends ConflictPayload {
  /** The conflict record's own id. */
  readonly id: string;
}

const openConflict = async (session: Session, doc: RecordDoc): Promise<Conflict | null> => {
  try {
    const key = await session.dataKey(doc.subjectId, doc.keyId);
    const payload = session.cipher.openJson(
      doc.payload,
      key,
      recordAddress(doc.id, doc.subjectId, doc.keyId),
    ) as ConflictPayload;
    return { ...payload, id: doc.id };
  } catch {
    return null; // A conflict whose key is gone (erased subject) has nothing left to show.
  }
};

/** Every conflict record of the subject: its own fields and those of its items (deals, cases, activities). */
export const useConflicts = (session: Session, subjectId: string): readonly Conflict[] => {
  const [conflicts, setConflicts] = useState<readonly Conflict[]>([]);
  useEffect(() => {
    let current = true;
    const subscription = session.db.records.find({ selector: { subjectId } }).$.subscribe((docs) => {
      const open = docs
        .filter((doc) => doc.kind === CONFLICT_KIND)
        .map((doc) => openConflict(session, doc.toJSON() as RecordDoc));
      void Promise.all(open).then((list) => {
        if (current) setConflicts(list.filter((c): c is Conflict => c !== null));
      });
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session, subjectId]);
  return conflicts;
};

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
