// Art. 12(3): a request is answered within one calendar month of receipt, extendable by up to two further
// months. Dates are calendar days (ISO YYYY-MM-DD), so daylight-saving changes cannot shift a due date;
// the month rule is the one the privacy-notice deadline uses (31 January + 1 month = 28/29 February).
import { addMonths } from '../consent';

/** Open requests due within this many days are "due soon" (the dashboard's window). */
export const DUE_SOON_DAYS = 7;

const dayNumber = (isoDate: string): number => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
};

/** The user's calendar day of an instant, in the device's time zone (a request is received on a local day). */
export const localDay = (time: number): string => {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The local midnight that starts a day, in ms (a due time shown as a date shows the due date). */
export const startOfDay = (isoDate: string): number => {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};

/** The first due date: one calendar month after the day of receipt. */
export const firstDueDate = (receivedOn: string): string => addMonths(receivedOn, 1);

/**
 * The due date with an extension of 1 or 2 further months counted from the day of receipt (so 31 January
 * extended by two months is due 30 April, not 28 April as three clamped one-month steps would give).
 */
export const dueDate = (receivedOn: string, extensionMonths: 0 | 1 | 2 = 0): string =>
  addMonths(receivedOn, 1 + extensionMonths);

/** Whether an extension decided at `decidedAt` came in time: on or before the first due date. */
export const extensionAllowed = (receivedOn: string, decidedAt: number): boolean =>
  localDay(decidedAt) <= firstDueDate(receivedOn);

export type DeadlineState =
  | { readonly state: 'on-time'; readonly dueOn: string; readonly daysLeft: number }
  | { readonly state: 'due-soon'; readonly dueOn: string; readonly daysLeft: number }
  | { readonly state: 'overdue'; readonly dueOn: string; readonly daysOverdue: number };

/** Where an open request stands on `today` (a local ISO day): due on the due day itself is not overdue. */
export const deadlineState = (dueOn: string, today: string): DeadlineState => {
  const daysLeft = dayNumber(dueOn) - dayNumber(today);
  if (daysLeft < 0) return { state: 'overdue', dueOn, daysOverdue: -daysLeft };
  if (daysLeft <= DUE_SOON_DAYS) return { state: 'due-soon', dueOn, daysLeft };
  return { state: 'on-time', dueOn, daysLeft };
};
