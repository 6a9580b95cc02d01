// The 72-hour clock of Art. 33(1). Instants are stored as ms since the epoch (UTC), so "72 hours" is
// always 72 real hours, whatever daylight-saving change or time zone lies between awareness and deadline;
// only display converts to a wall clock, in the zone the caller names.
import { localeOf } from '../locale';
import { NOTIFY_WITHIN_MS, type BreachPayload } from './types';

/** Within this much of the deadline the clock shows as due soon. */
export const DUE_SOON_MS = 12 * 60 * 60 * 1000;

export type ClockStatus =
  /** More than 12 hours left, authority not notified. */
  | 'running'
  | 'due_soon'
  /** Past the deadline and not notified: notify now, with the reasons for the delay. */
  | 'overdue'
  | 'notified_in_time'
  | 'notified_late'
  /** The admin decided (with reasons) that the authority need not be notified. */
  | 'not_required'
  /** Closed without a notification or a decision recorded. */
  | 'closed';

export interface ClockState {
  readonly status: ClockStatus;
  readonly deadlineAt: number;
  /** ms to the deadline; negative once it has passed. */
  readonly remainingMs: number;
  /** Notified (or about to be) after the deadline without the reasons Art. 33(1) asks for. */
  readonly delayReasonMissing: boolean;
}

export type ClockFacts = Pick<
  BreachPayload,
  'awareAt' | 'notifiedAuthorityAt' | 'closedAt' | 'delayReason' | 'notifyAuthority'
>;

export const deadlineOf = (awareAt: number): number => awareAt + NOTIFY_WITHIN_MS;

export const breachClock = (breach: ClockFacts, now: number): ClockState => {
  const deadlineAt = deadlineOf(breach.awareAt);
  const remainingMs = deadlineAt - now;
  const noReason = breach.delayReason.trim().length === 0;
  const notified = breach.notifiedAuthorityAt;
  if (notified !== null) {
    const late = notified > deadlineAt;
    return {
      status: late ? 'notified_late' : 'notified_in_time',
      deadlineAt,
      remainingMs,
      delayReasonMissing: late && noReason,
    };
  }
  if (breach.notifyAuthority.decision === false) {
    return { status: 'not_required', deadlineAt, remainingMs, delayReasonMissing: false };
  }
  if (breach.closedAt !== null)
    return { status: 'closed', deadlineAt, remainingMs, delayReasonMissing: false };
  if (remainingMs < 0) return { status: 'overdue', deadlineAt, remainingMs, delayReasonMissing: noReason };
  return {
    status: remainingMs <= DUE_SOON_MS ? 'due_soon' : 'running',
    deadlineAt,
    remainingMs,
    delayReasonMissing: false,
  };
};

/** The clock still demands action: what the banner on every admin screen shows. */
export const isClockRunning = (state: ClockState): boolean =>
  state.status === 'running' || state.status === 'due_soon' || state.status === 'overdue';

/** Hours and minutes of a duration (absolute value), for "41 h 12 min left" / "3 h 5 min overdue". */
export const splitDuration = (ms: number): { hours: number; minutes: number } => {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
};

// ---------------------------------------------------------------------------------------------------
// Wall clock <-> instant in a named zone (IANA), with Intl only (no time-zone database of our own).
// ---------------------------------------------------------------------------------------------------

const partsFormat = new Map<string, Intl.DateTimeFormat>();
const formatFor = (timeZone: string): Intl.DateTimeFormat => {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
};

const wallFields = (ms: number, timeZone: string) => {
  const get = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const parts = formatFor(timeZone).formatToParts(ms);
  return {
    year: get(parts, 'year'),
    month: get(parts, 'month'),
    day: get(parts, 'day'),
    hour: get(parts, 'hour'),
    minute: get(parts, 'minute'),
    second: get(parts, 'second'),
  };
};

/** The zone's offset from UTC at an instant, in ms (Amsterdam in summer: +2 h). */
export const zoneOffset = (ms: number, timeZone: string): number => {
  const f = wallFields(ms, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return wall - Math.floor(ms / 1000) * 1000;
};

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A wall-clock time as typed in a datetime-local field ('2027-03-28T02:30') in a zone, as an instant.
 * A time skipped by a spring-forward change moves forward by the gap (as browsers do); a time that
 * occurs twice in the autumn means its first occurrence. Null when the text is not such a time.
 */
export const localInputToInstant = (value: string, timeZone: string): number | null => {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return null;
  const day1 = 24 * 60 * 60 * 1000;
  const before = zoneOffset(wall - day1, timeZone);
  const after = zoneOffset(wall + day1, timeZone);
  const valid = [wall - before, wall - after].filter((t) => zoneOffset(t, timeZone) === wall - t);
  if (valid.length) return Math.min(...valid);
  return wall - before;
};

/** An instant as the value of a datetime-local field in a zone. */
export const instantToLocalInput = (ms: number, timeZone: string): string => {
  const f = wallFields(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${f.year}-${p(f.month)}-${p(f.day)}T${p(f.hour)}:${p(f.minute)}`;
};

/** The zone this host displays in (the admin's own), falling back to the Dutch authority's. */
export const hostTimeZone = (): string => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Amsterdam';
  } catch {
    return 'Europe/Amsterdam';
  }
};

/** An instant for people to read: date, time and the zone's abbreviation ("28 March 2027 at 03:30 CEST"). */
export const formatInstant = (ms: number, language: 'en' | 'nl', timeZone: string): string => {
  const text = new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(ms);
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value;
  return zone ? `${text} ${zone}` : text;
};
