// The task form's draft: strings as typed; the reminder is a local date and time.
import { type TaskInput, type TaskPayload } from '../../../shared/tasks';

export interface TaskDraft {
  readonly title: string;
  readonly notes: string;
  readonly dueDate: string;
  readonly dueTime: string;
  /** datetime-local value, or empty for no reminder. */
  readonly remindAt: string;
  readonly assigneeId: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const toLocalInput = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

const fromLocalInput = (value: string): number => {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return NaN;
  const [, y, m, d, hh, mm] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
};

export const newTaskDraft = (assigneeId: string, dueDate: string): TaskDraft => ({
  title: '',
  notes: '',
  dueDate,
  dueTime: '',
  remindAt: '',
  assigneeId,
});

export const taskToDraft = (t: TaskPayload): TaskDraft => ({
  title: t.title,
  notes: t.notes,
  dueDate: t.dueDate ?? '',
  dueTime: t.dueTime ?? '',
  remindAt: t.remindAt === null ? '' : toLocalInput(t.remindAt),
  assigneeId: t.assigneeId,
});

export const draftToTaskInput = (
  draft: TaskDraft,
  base: Pick<TaskPayload, 'createdBy'> & Partial<TaskPayload>,
): TaskInput => ({
  ...base,
  title: draft.title,
  notes: draft.notes,
  dueDate: draft.dueDate || null,
  dueTime: draft.dueTime || null,
  remindAt: draft.remindAt ? fromLocalInput(draft.remindAt) : null,
  assigneeId: draft.assigneeId,
});
