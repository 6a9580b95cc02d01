// Every item of one kind (deals, cases, tasks), live from its core query: the records, whether they are
// read (a failed read counts as read, with nothing in it) and the records that could not be opened.
import { useMemo } from 'react';
import type { Query } from '../../shared/workspace';
import type { RecordProblem } from '../../shared/store';
import { useLiveQuery } from './useLiveQuery';

export interface LiveItems<R> {
  readonly items: readonly R[];
  readonly loaded: boolean;
  readonly problems: readonly RecordProblem[];
}

export const useLiveItems = <R>(
  query: Query<unknown, { readonly records: readonly R[]; readonly problems: readonly RecordProblem[] }>,
): LiveItems<R> => {
  const result = useLiveQuery(query, null);
  return useMemo(
    () =>
      result.status === 'ready'
        ? { items: result.value.records, loaded: true, problems: result.value.problems }
        : { items: [], loaded: result.status === 'failed', problems: [] },
    [result],
  );
};
