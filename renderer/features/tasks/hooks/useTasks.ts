// Every task, live from the core's query (opened once; a change re-opens only that task).
import { allTasks } from '../../../../shared/tasks';
import { useLiveItems } from '../../../kit/useLiveItems';

/** Every task, whether they are read, and those that could not be opened. */
export const useTasks = () => {
  const { items: tasks, ...read } = useLiveItems(allTasks);
  return { tasks, ...read };
};
