// Dates, times, numbers and money read the way an EU company reads them: British English or Dutch, never
// the US month-first "12/2/26" (issue 20, point 8); a calendar date is the same day in every time zone.
import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  localeOf,
} from '../../../../shared/locale';

// 2 December 2026, 14:05 in UTC; the suite runs in the machine's zone, so moments are read back by zone.
const MOMENT = Date.UTC(2026, 11, 2, 14, 5);
/** Non-breaking and narrow spaces, which Intl uses, as plain spaces for reading. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the locale formatter', () => {
  it('reads English as British English and Dutch as nl-NL', () => {
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('nl')).toBe('nl-NL');
    expect(localeOf('nl-BE')).toBe('nl-BE');
    expect(localeOf('fr')).toBe('en-GB');
  });

  it('writes a calendar date day first, the same day in every zone', () => {
    expect(formatDate('2026-12-02', 'en')).toBe('2 Dec 2026');
    expect(formatDate('2026-12-02', 'nl')).toBe('2 dec 2026');
    expect(formatDate('2026-12-02', 'en', 'long')).toBe('2 December 2026');
    expect(formatDate('2026-12-02', 'nl', 'full')).toBe('woensdag 2 december 2026');
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
  });

  it('writes a moment with a 24-hour time', () => {
    const hour = new Date(MOMENT).getHours().toString().padStart(2, '0');
    const day = new Date(MOMENT).getDate();
    expect(plain(formatDateTime(MOMENT, 'en'))).toBe(`${day} Dec 2026, ${hour}:05`);
    expect(plain(formatDateTime(MOMENT, 'nl'))).toBe(`${day} dec 2026, ${hour}:05`);
    expect(formatTime(MOMENT, 'en')).toBe(`${hour}:05`);
  });

  it('groups numbers and writes money as each language does', () => {
    expect(formatNumber(100000, 'en')).toBe('100,000');
    expect(formatNumber(100000, 'nl')).toBe('100.000');
    expect(plain(formatCurrency(1250.5, 'EUR', 'nl'))).toBe('€ 1.250,50');
    expect(formatCurrency(1250.5, 'EUR', 'en')).toBe('€1,250.50');
  });
});
