// Every task, live, for My day, a subject's tasks and the reminders (opened once, then only what changed).
import { allItemsQuery } from '../workspace';
import { TASK_ITEMS } from './task';

export const allTasks = allItemsQuery('tasks.all', TASK_ITEMS);
