// Art. 12(3): one calendar month from receipt, up to two more; month ends, leap years and DST.
import { afterAll, describe, expect, it } from 'vitest';
import {
  deadlineState,
  dueDate,
  extensionAllowed,
  firstDueDate,
  localDay,
  startOfDay,
} from '../../../../shared/requests/deadline';

// The daylight-saving cases need a zone that has daylight saving: CI runs in UTC, where every day has 24
// hours and a computation mixing local and UTC days would pass unnoticed. Node reads TZ when it changes.
const zoneBefore = process.env.TZ;
process.env.TZ = 'Europe/Amsterdam';
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const HOUR = 3_600_000;

describe('the zone these tests run in', () => {
  it('is Amsterdam, whose clocks go forward on 30 March 2025 and back on 26 October 2025', () => {
    expect(new Date(2025, 2, 29, 12).getTimezoneOffset()).toBe(-60);
    expect(new Date(2025, 2, 31, 12).getTimezoneOffset()).toBe(-120);
    expect(new Date(2025, 9, 25, 12).getTimezoneOffset()).toBe(-120);
    expect(new Date(2025, 9, 27, 12).getTimezoneOffset()).toBe(-60);
    // So those two local days are 23 and 25 hours long.
    expect(startOfDay('2025-03-31') - startOfDay('2025-03-30')).toBe(23 * HOUR);
    expect(startOfDay('2025-10-27') - startOfDay('2025-10-26')).toBe(25 * HOUR);
  });
});

describe('due date of a request', () => {
  it.each([
    ['2025-01-15', '2025-02-15'],
    ['2025-01-31', '2025-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2024-01-29', '2024-02-29'],
    ['2025-01-29', '2025-02-28'],
    ['2025-03-31', '2025-04-30'],
    ['2025-05-31', '2025-06-30'],
    ['2025-02-28', '2025-03-28'],
    ['2024-02-29', '2024-03-29'],
    ['2025-12-31', '2026-01-31'],
    ['2025-12-15', '2026-01-15'],
    ['2100-01-31', '2100-02-28'],
    ['2000-01-31', '2000-02-29'],
  ])('received %s is due %s', (received, due) => {
    expect(firstDueDate(received)).toBe(due);
  });

  it('counts an extension from the day of receipt, not by clamped one-month steps', () => {
    expect(dueDate('2025-01-31', 1)).toBe('2025-03-31');
    expect(dueDate('2025-01-31', 2)).toBe('2025-04-30');
    expect(dueDate('2024-12-31', 2)).toBe('2025-03-31');
    expect(dueDate('2023-11-30', 1)).toBe('2024-01-30');
    expect(dueDate('2023-12-29', 2)).toBe('2024-03-29');
    expect(dueDate('2025-06-15', 0)).toBe(firstDueDate('2025-06-15'));
  });

  it('keeps the calendar date across daylight-saving changes (last Sunday of March and October)', () => {
    expect(firstDueDate('2025-03-01')).toBe('2025-04-01');
    expect(firstDueDate('2025-03-30')).toBe('2025-04-30');
    expect(firstDueDate('2025-10-26')).toBe('2025-11-26');
    expect(firstDueDate('2025-09-30')).toBe('2025-10-30');
    // A request received late on the night of the change is received on that local day.
    const lateOnChangeNight = new Date(2025, 2, 30, 23, 45).getTime();
    expect(localDay(lateOnChangeNight)).toBe('2025-03-30');
    // Just after local midnight it is already the next day, though UTC is still on the day before.
    expect(localDay(new Date(2025, 2, 31, 0, 30).getTime())).toBe('2025-03-31');
    expect(localDay(new Date(2025, 9, 27, 0, 30).getTime())).toBe('2025-10-27');
    expect(localDay(startOfDay('2025-10-26'))).toBe('2025-10-26');
    // The spring day has 23 hours: 22 hours after its midnight is still that day, 23 hours is the next.
    expect(localDay(startOfDay('2025-03-30') + 22 * HOUR)).toBe('2025-03-30');
    expect(localDay(startOfDay('2025-03-30') + 23 * HOUR)).toBe('2025-03-31');
    // The autumn day has 25 hours: 24 hours after its midnight is still that day.
    expect(localDay(startOfDay('2025-10-26') + 24 * HOUR)).toBe('2025-10-26');
  });
});

describe('deadline state', () => {
  it('is not overdue on the due day itself, and overdue from the day after', () => {
    expect(deadlineState('2025-02-28', '2025-02-28')).toEqual({
      state: 'due-soon',
      dueOn: '2025-02-28',
      daysLeft: 0,
    });
    expect(deadlineState('2025-02-28', '2025-03-01')).toEqual({
      state: 'overdue',
      dueOn: '2025-02-28',
      daysOverdue: 1,
    });
    expect(deadlineState('2024-02-28', '2024-03-01')).toEqual({
      state: 'overdue',
      dueOn: '2024-02-28',
      daysOverdue: 2,
    });
  });

  it('is due soon within seven days and on time before that', () => {
    expect(deadlineState('2025-04-08', '2025-04-01').state).toBe('due-soon');
    expect(deadlineState('2025-04-09', '2025-04-01')).toEqual({
      state: 'on-time',
      dueOn: '2025-04-09',
      daysLeft: 8,
    });
  });

  it('counts whole days over a daylight-saving change', () => {
    expect(deadlineState('2025-03-31', '2025-03-29')).toMatchObject({ daysLeft: 2 });
    expect(deadlineState('2025-10-25', '2025-10-27')).toMatchObject({ daysOverdue: 2 });
    expect(deadlineState('2025-04-06', '2025-03-30')).toEqual({
      state: 'due-soon',
      dueOn: '2025-04-06',
      daysLeft: 7,
    });
    expect(deadlineState('2025-11-03', '2025-10-26')).toMatchObject({ state: 'on-time', daysLeft: 8 });
  });
});

describe('extension', () => {
  it('may be decided up to and on the first due date, not after', () => {
    expect(extensionAllowed('2025-01-31', new Date(2025, 1, 28, 23, 59).getTime())).toBe(true);
    expect(extensionAllowed('2025-01-31', new Date(2025, 2, 1, 0, 1).getTime())).toBe(false);
    expect(extensionAllowed('2024-01-31', new Date(2024, 1, 29, 12).getTime())).toBe(true);
    // Decided at 00:30 local time on 2 April (summer time): still 1 April in UTC, but a day late here.
    expect(extensionAllowed('2025-02-28', new Date(2025, 2, 28, 23, 59).getTime())).toBe(true);
    expect(extensionAllowed('2025-03-01', new Date(2025, 3, 2, 0, 30).getTime())).toBe(false);
  });
});
