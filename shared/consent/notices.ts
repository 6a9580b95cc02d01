// Art. 14(3)(a): when the data was not collected from the person (an import, a business card, a
// referral, a public source), they must be given the privacy notice within one month of obtaining it.
import type { DataSource } from '../people';
import type { NoticeReceiptPayload, NoticeStatus, PrivacyNoticePayload } from './types';
import type { LedgerEntry } from '../purposes';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const parse = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d!];
};
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Calendar months later, clamped to the month's last day: 2025-01-31 + 1 month = 2025-02-28. */
export const addMonths = (isoDate: string, months: number): string => {
  const [y, m, d] = parse(isoDate);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
};

const dayNumber = (isoDate: string) => {
  const [y, m, d] = parse(isoDate);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Today's date in UTC, as the notice deadline counts it. */
export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * Whether a privacy notice is due for a person: not required when the data was collected from them (the
 * notice is given at collection, Art. 13), received when a notice was recorded on or after the day the data
 * was obtained, otherwise due one calendar month after `source.obtainedOn` and overdue after that day.
 */
export const noticeDue = (
  person: { readonly source: DataSource },
  receipts: readonly LedgerEntry<NoticeReceiptPayload>[],
  today: string,
): NoticeStatus => {
  if (person.source.method === 'collected_from_person') return { state: 'not-required' };
  const obtained = dayNumber(person.source.obtainedOn);
  const given = receipts
    .filter((r) => Math.floor(r.data.receivedAt / 86_400_000) >= obtained)
    .sort((a, b) => b.data.receivedAt - a.data.receivedAt || (a.id < b.id ? 1 : -1))[0];
  if (given)
    return {
      state: 'received',
      noticeId: given.data.noticeId,
      version: given.data.version,
      receivedAt: given.data.receivedAt,
    };
  const dueOn = addMonths(person.source.obtainedOn, 1);
  const daysLeft = dayNumber(dueOn) - dayNumber(today);
  return { state: 'due', dueOn, overdue: daysLeft < 0, daysLeft };
};

/** The notice version in force on a day: the latest published on or before it. */
export const currentNotice = <N extends { readonly id: string; readonly data: PrivacyNoticePayload }>(
  notices: readonly N[],
  today: string,
): N | undefined =>
  notices
    .filter((n) => n.data.publishedOn <= today)
    .sort((a, b) =>
      a.data.publishedOn < b.data.publishedOn
        ? 1
        : a.data.publishedOn > b.data.publishedOn
          ? -1
          : a.id < b.id
            ? 1
            : -1,
    )[0];
