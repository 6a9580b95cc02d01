// Deals for components, live from the core's query (opened once; a change re-opens only that deal).
import { useMemo } from 'react';
import { allDeals, type Deal } from '../../../../shared/deals';
import type { RecordProblem } from '../../../../shared/store';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export const useDeals = (): {
  deals: readonly Deal[];
  loaded: boolean;
  problems: readonly RecordProblem[];
} => {
  const result = useLiveQuery(allDeals, null);
  return useMemo(
    () =>
      result.status === 'ready'
        ? { deals: result.value.records, loaded: true, problems: result.value.problems }
        : { deals: [], loaded: result.status === 'failed', problems: [] },
    [result],
  );
};

/** One subject's deals (as organisation or as person), newest first. */
export const useSubjectDeals = (subjectId: string): readonly Deal[] => {
  const { deals } = useDeals();
  return useMemo(
    () =>
      deals
        .filter((d) => d.subjectId === subjectId || d.data.personId === subjectId)
        .sort((a, b) => b.updatedAt - a.updatedAt),
    [deals, subjectId],
  );
};
