// Every task, live, for My day, a subject's tasks and the reminders (opened once, then only what changed).
import { openAllItems, type OpenedItems } from '../store';
import { defineQuery } from '../workspace';
import { TASK_ITEMS, TASK_KIND, type TaskPayload } from './task';

export const allTasks = defineQuery(
  'tasks.all',
  [{ collection: 'items', kinds: [TASK_KIND] }],
  (workspace): Promise<OpenedItems<TaskPayload>> =>
    openAllItems(workspace, workspace.db, workspace.items(TASK_ITEMS)),
);
