// Every task, live from the core's query (opened once; a change re-opens only that task).
import { useMemo } from 'react';
import { allTasks, type Task } from '../../../../shared/tasks';
import type { RecordProblem } from '../../../../shared/store';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export const useTasks = (): {
  tasks: readonly Task[];
  loaded: boolean;
  problems: readonly RecordProblem[];
} => {
  const result = useLiveQuery(allTasks, null);
  return useMemo(
    () =>
      result.status === 'ready'
        ? { tasks: result.value.records, loaded: true, problems: result.value.problems }
        : { tasks: [], loaded: result.status === 'failed', problems: [] },
    [result],
  );
};
