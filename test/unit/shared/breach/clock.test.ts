// The 72-hour clock counts real hours from awareness, whatever daylight-saving change or zone lies between.
import { describe, expect, it } from 'vitest';
import {
  breachClock,
  formatInstant,
  instantToLocalInput,
  isClockRunning,
  localInputToInstant,
  type ClockFacts,
} from '../../../../shared/breach/clock';

const HOUR = 60 * 60 * 1000;
const AMS = 'Europe/Amsterdam';
const NY = 'America/New_York';

const facts = (awareAt: number, more: Partial<ClockFacts> = {}): ClockFacts => ({
  awareAt,
  notifiedAuthorityAt: null,
  closedAt: null,
  delayReason: '',
  notifyAuthority: { decision: null, reasons: '' },
  ...more,
});

describe('72-hour clock', () => {
  it('ends 72 real hours after awareness across the spring change in Amsterdam (wall clock shows 73 h later)', () => {
    // Saturday 27 March 2027 01:30 CET; clocks go forward on Sunday 28 March at 02:00.
    const aware = localInputToInstant('2027-03-27T01:30', AMS)!;
    expect(aware).toBe(Date.UTC(2027, 2, 27, 0, 30));
    const { deadlineAt } = breachClock(facts(aware), aware);
    expect(deadlineAt - aware).toBe(72 * HOUR);
    expect(instantToLocalInput(deadlineAt, AMS)).toBe('2027-03-30T02:30');
  });

  it('ends 72 real hours after awareness across the autumn change in Amsterdam (wall clock shows 71 h later)', () => {
    // Friday 29 October 2027 12:00 CEST; clocks go back on Sunday 31 October at 03:00.
    const aware = localInputToInstant('2027-10-29T12:00', AMS)!;
    expect(aware).toBe(Date.UTC(2027, 9, 29, 10, 0));
    const { deadlineAt } = breachClock(facts(aware), aware);
    expect(instantToLocalInput(deadlineAt, AMS)).toBe('2027-11-01T11:00');
  });

  it('is the same instant wherever the admin reads it: New York changes on other dates than Amsterdam', () => {
    // 26 March 2027: New York is already on summer time (since 14 March), Amsterdam not yet.
    const aware = localInputToInstant('2027-03-26T09:00', AMS)!;
    const deadline = breachClock(facts(aware), aware).deadlineAt;
    expect(instantToLocalInput(aware, NY)).toBe('2027-03-26T04:00');
    expect(instantToLocalInput(deadline, NY)).toBe('2027-03-29T04:00');
    expect(instantToLocalInput(deadline, AMS)).toBe('2027-03-29T10:00');
    expect(localInputToInstant('2027-03-26T04:00', NY)).toBe(aware);
    expect(instantToLocalInput(deadline, 'Asia/Kolkata')).toBe('2027-03-29T13:30');
  });

  it('reads a wall time skipped by spring-forward as later, and a doubled autumn hour as its first occurrence', () => {
    expect(localInputToInstant('2027-03-28T02:30', AMS)).toBe(Date.UTC(2027, 2, 28, 1, 30));
    expect(localInputToInstant('2027-10-31T02:30', AMS)).toBe(Date.UTC(2027, 9, 31, 0, 30));
    expect(localInputToInstant('2027-02-30T10:00', AMS)).toBeNull();
    expect(localInputToInstant('yesterday', AMS)).toBeNull();
  });

  it('shows the zone with the time, so a deadline is never read in the wrong one', () => {
    const at = Date.UTC(2027, 2, 30, 0, 30);
    expect(formatInstant(at, 'en', AMS)).toMatch(/30 March 2027.*02:30 CEST/);
    expect(formatInstant(at, 'nl', AMS)).toMatch(/30 maart 2027.*02:30 CEST/);
  });

  it('runs, is due within 12 hours, then overdue, asking for the reasons of the delay', () => {
    const aware = Date.UTC(2027, 0, 4, 9);
    expect(breachClock(facts(aware), aware + 59 * HOUR).status).toBe('running');
    expect(breachClock(facts(aware), aware + 61 * HOUR).status).toBe('due_soon');
    const overdue = breachClock(facts(aware), aware + 73 * HOUR);
    expect(overdue.status).toBe('overdue');
    expect(overdue.remainingMs).toBe(-1 * HOUR);
    expect(overdue.delayReasonMissing).toBe(true);
    expect(isClockRunning(overdue)).toBe(true);
  });

  it('stops when the authority is notified: in time, or late and then only complete with a delay reason', () => {
    const aware = Date.UTC(2027, 0, 4, 9);
    const inTime = breachClock(facts(aware, { notifiedAuthorityAt: aware + 70 * HOUR }), aware + 100 * HOUR);
    expect(inTime.status).toBe('notified_in_time');
    expect(isClockRunning(inTime)).toBe(false);
    const late = breachClock(facts(aware, { notifiedAuthorityAt: aware + 80 * HOUR }), aware + 100 * HOUR);
    expect(late).toMatchObject({ status: 'notified_late', delayReasonMissing: true });
    const explained = breachClock(
      facts(aware, { notifiedAuthorityAt: aware + 80 * HOUR, delayReason: 'Found on Monday' }),
      aware + 100 * HOUR,
    );
    expect(explained.delayReasonMissing).toBe(false);
  });

  it('stops when the admin decides, with reasons, that the authority need not be told', () => {
    const aware = Date.UTC(2027, 0, 4, 9);
    const state = breachClock(
      facts(aware, { notifyAuthority: { decision: false, reasons: 'Encrypted, key not on the laptop' } }),
      aware + 80 * HOUR,
    );
    expect(state.status).toBe('not_required');
    expect(isClockRunning(state)).toBe(false);
  });
});
