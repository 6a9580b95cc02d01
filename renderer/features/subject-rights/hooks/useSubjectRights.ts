// What the rights on one record say now: the restriction in force (Art. 18), the field history (Art. 16)
// and the profiling choices (Art. 22). Reloaded whenever one of them is added here or arrives by sync
// (the core query rectification.subjectRights), so a restriction recorded on another device locks the
// form here too.
import { useMemo } from 'react';
import { subjectRights, type SubjectRightsState } from '../../../../shared/rectification';
import type { RestrictionState } from '../../../../shared/restriction';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export interface SubjectRights extends SubjectRightsState {
  readonly status: 'loading' | 'ready' | 'failed';
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
const FAILED: SubjectRights = { ...INITIAL, status: 'failed' };

export const useSubjectRights = (subjectId: string | null): SubjectRights => {
  // Without a subject there is nothing to read: the query runs for '' and its result is not shown.
  const result = useLiveQuery(subjectRights, subjectId ?? '');
  return useMemo(() => {
    if (!subjectId || result.status === 'loading') return INITIAL;
    if (result.status === 'failed') return FAILED;
    return { status: 'ready', ...result.value };
  }, [subjectId, result]);
};
