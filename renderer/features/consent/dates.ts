// Dates as the user's date inputs show them: the local calendar day, not UTC.
const pad = (n: number) => String(n).padStart(2, '0');

export const localIsoDay = (time: number): string => {
  const d = new Date(time);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The end of a chosen day in the user's time zone: a consent "until 31 March" holds on 31 March. */
export const endOfLocalDay = (isoDate: string): number => new Date(`${isoDate}T23:59:59`).getTime();

/** Midday of a chosen past day, so the time zone never moves it to another date. */
export const middayOf = (isoDate: string): number => new Date(`${isoDate}T12:00:00`).getTime();
