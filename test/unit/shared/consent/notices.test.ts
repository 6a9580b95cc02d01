import { describe, expect, it } from 'vitest';
import { addMonths, currentNotice, noticeDue } from '../../../../shared/consent/notices';
import type { NoticeReceiptPayload } from '../../../../shared/consent/types';
import type { DataSource } from '../../../../shared/people/contact-values';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';

const person = (method: DataSource['method'], obtainedOn: string) => ({
  source: { method, description: '', obtainedOn },
});
const receipt = (receivedAt: number): LedgerEntry<NoticeReceiptPayload> => ({
  id: `r${receivedAt}`,
  data: {
    noticeId: 'notice-2026',
    version: '2026.1',
    receivedAt,
    method: 'email',
    recordedBy: 'u',
    deviceId: 'd',
  },
});

describe('privacy notice due (Art. 14(3)(a))', () => {
  it('adds calendar months, clamping to the last day of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-01-30', 13)).toBe('2027-02-28');
  });

  it('asks for a notice within one month when the data came from an import or a business card', () => {
    expect(noticeDue(person('import', '2025-01-31'), [], '2025-02-10')).toEqual({
      state: 'due',
      dueOn: '2025-02-28',
      overdue: false,
      daysLeft: 18,
    });
    expect(noticeDue(person('business_card', '2024-01-31'), [], '2024-02-29')).toMatchObject({
      dueOn: '2024-02-29',
      overdue: false,
      daysLeft: 0,
    });
    expect(noticeDue(person('referral', '2024-01-31'), [], '2024-03-01')).toMatchObject({
      dueOn: '2024-02-29',
      overdue: true,
      daysLeft: -1,
    });
    expect(noticeDue(person('public_source', '2026-12-31'), [], '2027-01-31')).toMatchObject({
      dueOn: '2027-01-31',
      overdue: false,
    });
  });

  it('needs no Art. 14 notice for data collected from the person', () => {
    expect(noticeDue(person('collected_from_person', '2025-01-01'), [], '2026-01-01')).toEqual({
      state: 'not-required',
    });
  });

  it('is satisfied by a notice given on or after the day the data was obtained, not by an older one', () => {
    const obtained = Date.UTC(2025, 0, 31);
    expect(
      noticeDue(person('import', '2025-01-31'), [receipt(obtained + 3600_000)], '2025-03-10'),
    ).toMatchObject({
      state: 'received',
      version: '2026.1',
    });
    expect(
      noticeDue(person('import', '2025-01-31'), [receipt(obtained - 86_400_000)], '2025-03-10'),
    ).toMatchObject({
      state: 'due',
      overdue: true,
    });
  });

  it('picks the notice version in force on a day', () => {
    const notice = (id: string, publishedOn: string) => ({
      id,
      data: { version: id, publishedOn, text: { en: 'x', nl: 'x' }, url: '' },
    });
    const notices = [notice('v2', '2026-06-01'), notice('v1', '2025-01-01'), notice('v3', '2027-01-01')];
    expect(currentNotice(notices, '2026-11-29')?.id).toBe('v2');
    expect(currentNotice(notices, '2024-12-31')).toBeUndefined();
  });
});
