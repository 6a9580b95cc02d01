// What a user can do with tasks: create, edit, tick off (and undo), snooze, delete. Each is stored under
// the task's subject's key and audited by id (never the task's text).
import type { Decrypted } from '../store';
import { createItem, defineOperation, removeItem, saveItem } from '../workspace';
import { addDays, localDate, snoozeTask, TASK_ITEMS, type TaskPayload } from './task';

export type Task = Decrypted<TaskPayload>;

export const createTask = defineOperation('tasks.create', createItem(TASK_ITEMS));

export const saveTask = defineOperation('tasks.save', saveItem(TASK_ITEMS));

/** Ticks an open task off, or reopens a done one. */
export const toggleTaskDone = defineOperation('tasks.toggleDone', async (workspace, _actor, id: string) => {
  const task = await workspace
    .items(TASK_ITEMS)
    .update(id, (c) =>
      c.status === 'done'
        ? { ...c, status: 'open', doneAt: null }
        : { ...c, status: 'done', doneAt: Date.now() },
    );
  return {
    result: task,
    audit: { action: 'update', kind: 'task', recordIds: [id], details: { status: task.data.status } },
  };
});

/** Moves a task's due date `days` on from its due date, or from today when it is due already. */
export const snoozeTaskBy = defineOperation(
  'tasks.snooze',
  async (workspace, _actor, { id, days }: { readonly id: string; readonly days: number }) => {
    const today = localDate(new Date());
    const task = await workspace.items(TASK_ITEMS).update(id, (c) => {
      const from = c.dueDate && c.dueDate > today ? c.dueDate : today;
      return snoozeTask(c, addDays(from, days));
    });
    return {
      result: task,
      audit: { action: 'update', kind: 'task', recordIds: [id], details: { snoozed: days } },
    };
  },
);

export const deleteTask = defineOperation('tasks.delete', removeItem(TASK_ITEMS));
