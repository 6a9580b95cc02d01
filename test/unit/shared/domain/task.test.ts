import { describe, expect, it } from 'vitest';
import {
  addDays,
  dueMoment,
  localDate,
  remindersDue,
  selectMyDay,
  snoozeTask,
  TaskPayload,
  type TaskInput,
} from '../../../../shared/tasks/task';

const task = (id: string, input: Partial<TaskInput>) => ({
  id,
  data: TaskPayload.parse({ title: id, assigneeId: 'me', createdBy: 'me', ...input }),
});

describe('task schema', () => {
  it('defaults to an open task without a date, and refuses a time without a date', () => {
    expect(TaskPayload.parse({ title: 'Bellen', assigneeId: 'me', createdBy: 'me' })).toMatchObject({
      status: 'open',
      dueDate: null,
      dueTime: null,
      remindAt: null,
    });
    const result = TaskPayload.safeParse({
      title: 'Bellen',
      assigneeId: 'me',
      createdBy: 'me',
      dueTime: '09:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['dueTime']);
  });

  it('refuses an empty title, an impossible date and a bad time', () => {
    const result = TaskPayload.safeParse({
      title: '  ',
      assigneeId: 'me',
      createdBy: 'me',
      dueDate: '2026-02-30',
      dueTime: '24:00',
    });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dueDate', 'dueTime', 'title']);
  });
});

describe('dates', () => {
  it('counts days on the calendar, across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('is due at its time, or at the end of its day without one', () => {
    expect(dueMoment({ dueDate: '2026-03-10', dueTime: '09:30' })).toBe(
      new Date(2026, 2, 10, 9, 30).getTime(),
    );
    expect(dueMoment({ dueDate: '2026-03-10', dueTime: null })).toBe(
      new Date(2026, 2, 10, 23, 59, 59, 999).getTime(),
    );
  });
});

describe('my day', () => {
  const tasks = [
    task('gisteren', { dueDate: '2026-03-09' }),
    task('vandaag-laat', { dueDate: '2026-03-10', dueTime: '16:00' }),
    task('vandaag-vroeg', { dueDate: '2026-03-10', dueTime: '08:00' }),
    task('vandaag', { dueDate: '2026-03-10' }),
    task('morgen', { dueDate: '2026-03-11' }),
    task('ooit', {}),
    task('van-een-ander', { dueDate: '2026-03-10', assigneeId: 'someone-else' }),
    task('klaar', { dueDate: '2026-03-10', status: 'done', doneAt: new Date(2026, 2, 10, 7).getTime() }),
  ];

  it("sorts the user's open tasks into overdue, today and upcoming, soonest first", () => {
    const day = selectMyDay(tasks, 'me', new Date(2026, 2, 10, 12, 0));
    expect(day.overdue.map((t) => t.id)).toEqual(['gisteren', 'vandaag-vroeg']);
    expect(day.today.map((t) => t.id)).toEqual(['vandaag-laat', 'vandaag']);
    expect(day.upcoming.map((t) => t.id)).toEqual(['morgen']);
    expect(day.someday.map((t) => t.id)).toEqual(['ooit']);
    expect(day.doneToday.map((t) => t.id)).toEqual(['klaar']);
  });

  it('moves today into overdue and tomorrow into today after midnight', () => {
    const day = selectMyDay(tasks, 'me', new Date(2026, 2, 11, 0, 5));
    expect(day.overdue.map((t) => t.id)).toEqual(['gisteren', 'vandaag-vroeg', 'vandaag-laat', 'vandaag']);
    expect(day.today.map((t) => t.id)).toEqual(['morgen']);
    expect(day.doneToday).toEqual([]);
  });

  it('snoozes to another day, moving the reminder by the same days', () => {
    const remindAt = new Date(2026, 2, 10, 9, 0).getTime();
    const snoozed = snoozeTask(task('x', { dueDate: '2026-03-10', remindAt }).data, '2026-03-12');
    expect(snoozed.dueDate).toBe('2026-03-12');
    expect(snoozed.remindAt).toBe(new Date(2026, 2, 12, 9, 0).getTime());
  });

  it('announces each reminder once, when its time has come, only for open tasks of the user', () => {
    const at = new Date(2026, 2, 10, 9, 0).getTime();
    const list = [
      task('nu', { remindAt: at }),
      task('later', { remindAt: at + 60_000 }),
      task('klaar', { remindAt: at, status: 'done' }),
      task('ander', { remindAt: at, assigneeId: 'someone-else' }),
    ];
    expect(remindersDue(list, 'me', at - 30_000, at).map((t) => t.id)).toEqual(['nu']);
    expect(remindersDue(list, 'me', at, at + 30_000)).toEqual([]);
  });
});
