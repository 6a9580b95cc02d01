// What the rights on one record say now: the restriction in force (Art. 18), the field history (Art. 16)
// and the profiling choices (Art. 22). Reloaded whenever an item about the subject is added here or
// arrives by sync, so a restriction recorded on another device locks the form here too.
import { useEffect, useState } from 'react';
import { listFieldChanges, type FieldChangePayload } from '../../../../shared/rectification';
import { loadProfilingChoices, type ProfilingChoicePayload } from '../../../../shared/objection';
import {
  restrictionState,
  type RestrictionState,
  RESTRICTION,
  type RestrictionPayload,
} from '../../../../shared/restriction';
import type { Decrypted } from '../../../../shared/store';
import { useWorkspace } from '../../../kit/workspace';
import { type LedgerEntry } from '../../../../shared/purposes';

export interface SubjectRights {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly restriction: RestrictionState;
  readonly restrictions: readonly LedgerEntry<RestrictionPayload>[];
  readonly history: readonly Decrypted<FieldChangePayload>[];
  readonly profiling: readonly LedgerEntry<ProfilingChoicePayload>[];
  readonly loadedAt: number;
}

const NONE: RestrictionState = { restricted: false, entry: null, editableFields: [] };
const INITIAL: SubjectRights = {
  status: 'loading',
  restriction: NONE,
  restrictions: [],
  history: [],
  profiling: [],
  loadedAt: 0,
};

export const useSubjectRights = (subjectId: string | null): SubjectRights => {
  const { workspace: session } = useWorkspace();
  const [state, setState] = useState<SubjectRights>(INITIAL);
  useEffect(() => {
    if (!subjectId) return;
    let current = true;
    const reload = async () => {
      try {
        const [restrictions, history, profiling] = await Promise.all([
          session.items(RESTRICTION).listForSubject(subjectId),
          listFieldChanges(session, subjectId),
          loadProfilingChoices(session, subjectId),
        ]);
        const entries = restrictions.records.map(({ id, data }) => ({ id, data }));
        const now = Date.now();
        if (current)
          setState({
            status: 'ready',
            restriction: restrictionState(entries, now),
            restrictions: [...entries].sort((a, b) => b.data.at - a.data.at),
            history,
            profiling,
            loadedAt: now,
          });
      } catch {
        if (current) setState((s) => ({ ...s, status: 'failed' }));
      }
    };
    void reload();
    const subscription = session.db.items.$.subscribe((event) => {
      if ((event.documentData ?? event.previousDocumentData)?.subjectId === subjectId) void reload();
    });
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [session, subjectId]);
  return subjectId ? state : INITIAL;
};
