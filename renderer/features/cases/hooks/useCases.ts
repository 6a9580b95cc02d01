// Cases for components, live from the core's queries: every case (opened once; a change re-opens only
// that case) and one case's timeline.
import { useMemo } from 'react';
import { allCases, caseEntries, type CaseEntry, type ServiceCase } from '../../../../shared/cases';
import type { RecordProblem } from '../../../../shared/store';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export const useCases = (): {
  cases: readonly ServiceCase[];
  loaded: boolean;
  problems: readonly RecordProblem[];
} => {
  const result = useLiveQuery(allCases, null);
  return useMemo(
    () =>
      result.status === 'ready'
        ? { cases: result.value.records, loaded: true, problems: result.value.problems }
        : { cases: [], loaded: result.status === 'failed', problems: [] },
    [result],
  );
};

/** The case's timeline, oldest first; null until loaded (or without a case). */
export const useCaseEntries = (serviceCase: ServiceCase | undefined): readonly CaseEntry[] | null => {
  const result = useLiveQuery(
    caseEntries,
    serviceCase ? { id: serviceCase.id, subjectId: serviceCase.subjectId } : { id: '', subjectId: '' },
  );
  return serviceCase && result.status === 'ready' ? result.value : null;
};
