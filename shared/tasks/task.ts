// Things to do about a person or organisation, assigned to a user, with a due date and an optional
// reminder; "My day" shows a user's overdue, today's and upcoming tasks.
import { z } from 'zod';
import { trimmed, nowByDefault } from '../people';
import { sealedKind } from '../store';

export const TASK_KIND = 'task';
export const TASK_VERSION = 1;

export const TaskStatus = z.enum(['open', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A date that exists: 2026-02-30 matches the pattern but is not on any calendar. */
const isCalendarDate = (value: string): boolean => {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

export const TaskPayload = z
  .object({
    title: trimmed(300).min(1, 'required'),
    notes: trimmed(20_000).default(''),
    /** Local calendar date, YYYY-MM-DD; null for a task without a date. */
    dueDate: z.string().regex(ISO_DATE, 'date').refine(isCalendarDate, 'date').nullable().default(null),
    /** Local time HH:MM on the due date, or null for "some time that day". */
    dueTime: z.string().regex(TIME, 'time').nullable().default(null),
    /** When to remind (ms since epoch), or null. */
    remindAt: z.number().int().nonnegative().nullable().default(null),
    /** The user who should do it. */
    assigneeId: trimmed(64).min(1, 'required'),
    status: TaskStatus.default('open'),
    doneAt: z.number().int().nonnegative().nullable().default(null),
    createdBy: trimmed(64).min(1),
    createdAt: nowByDefault(),
  })
  .superRefine((t, ctx) => {
    if (t.dueTime !== null && t.dueDate === null)
      ctx.addIssue({ code: 'custom', path: ['dueTime'], message: 'needs_date' });
  });

export type TaskPayload = z.infer<typeof TaskPayload>;
export type TaskInput = z.input<typeof TaskPayload>;

export const TASK_ITEMS = sealedKind(TASK_KIND, TaskPayload, TASK_VERSION);

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of a moment, YYYY-MM-DD: "today" is the user's day, not UTC's. */
export const localDate = (at: Date): string =>
  `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** A local date moved by whole days (DST-safe: calendar arithmetic, not 24-hour steps). */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDate(new Date(y, m - 1, d + days));
};

/** The moment a task is due: its time, or the end of its day when it has none. */
export const dueMoment = (task: Pick<TaskPayload, 'dueDate' | 'dueTime'>): number | null => {
  if (!task.dueDate) return null;
  const [y, m, d] = task.dueDate.split('-').map(Number) as [number, number, number];
  if (!task.dueTime) return new Date(y, m - 1, d, 23, 59, 59, 999).getTime();
  const [hh, mm] = task.dueTime.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm).getTime();
};

interface TaskLike {
  readonly id: string;
  readonly data: TaskPayload;
}

export interface MyDay<T extends TaskLike> {
  readonly overdue: T[];
  readonly today: T[];
  readonly upcoming: T[];
  /** Open tasks without a due date. */
  readonly someday: T[];
  /** Done today: so a ticked-off task stays in view, struck through, until tomorrow. */
  readonly doneToday: T[];
}

const byDue = (a: TaskLike, b: TaskLike): number =>
  (a.data.dueDate ?? '9999').localeCompare(b.data.dueDate ?? '9999') ||
  (a.data.dueTime ?? '99').localeCompare(b.data.dueTime ?? '99') ||
  a.data.title.localeCompare(b.data.title) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * A user's tasks for My day at a given moment: overdue (due before today, or today at a time already
 * past), today, and upcoming, each soonest first.
 */
export const selectMyDay = <T extends TaskLike>(tasks: Iterable<T>, userId: string, now: Date): MyDay<T> => {
  const today = localDate(now);
  const result: MyDay<T> = { overdue: [], today: [], upcoming: [], someday: [], doneToday: [] };
  for (const task of tasks) {
    const t = task.data;
    if (t.assigneeId !== userId) continue;
    if (t.status === 'done') {
      if (t.doneAt !== null && localDate(new Date(t.doneAt)) === today) result.doneToday.push(task);
      continue;
    }
    if (t.dueDate === null) result.someday.push(task);
    else if (t.dueDate < today || (t.dueDate === today && (dueMoment(t) ?? 0) < now.getTime()))
      result.overdue.push(task);
    else if (t.dueDate === today) result.today.push(task);
    else result.upcoming.push(task);
  }
  for (const list of Object.values(result) as T[][]) list.sort(byDue);
  return result;
};

/** A task moved to a later day: the reminder moves with it by the same number of days. */
export const snoozeTask = (task: TaskPayload, toDate: string): TaskPayload => {
  const from = task.dueDate;
  let remindAt = task.remindAt;
  if (remindAt !== null && from) {
    const shift =
      dueMoment({ dueDate: toDate, dueTime: '00:00' })! - dueMoment({ dueDate: from, dueTime: '00:00' })!;
    remindAt = remindAt + shift;
  }
  return { ...task, dueDate: toDate, remindAt };
};

/** Tasks whose reminder falls in (after, upTo]: each is announced once, when its time comes. */
export const remindersDue = <T extends TaskLike>(
  tasks: Iterable<T>,
  userId: string,
  after: number,
  upTo: number,
): T[] => {
  const due: T[] = [];
  for (const task of tasks) {
    const { remindAt, status, assigneeId } = task.data;
    if (
      status === 'open' &&
      assigneeId === userId &&
      remindAt !== null &&
      remindAt > after &&
      remindAt <= upTo
    )
      due.push(task);
  }
  return due;
};
