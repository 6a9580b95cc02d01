// One source for how dates, times, numbers and money read, in both interface languages. An EU company's
// English is British English: 2 December 2026 reads "2 Dec 2026", never "12/2/26"; Dutch is nl-NL.
// Every screen and document formats through here, so one screen cannot mix three date formats.

/** The region each interface language is read in. */
const LOCALES: Readonly<Record<string, string>> = { en: 'en-GB', nl: 'nl-NL' };

/** The BCP 47 locale for an interface language ("en", "nl", or already a locale such as "nl-BE"). */
export const localeOf = (language: string): string =>
  language.includes('-') ? language : (LOCALES[language] ?? LOCALES.en!);

export type DateStyle = 'medium' | 'long' | 'full';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
const cached = <F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F => {
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
};

const dateFormat = (language: string, options: Intl.DateTimeFormatOptions) =>
  cached(
    `d|${language}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(localeOf(language), options),
  );

/**
 * A calendar date. A plain "2026-12-02" is a day, not a moment, so it reads as that day in every time
 * zone; a moment (ms or Date) reads as its day where the user is.
 */
export const formatDate = (
  when: number | string | Date,
  language: string,
  style: DateStyle = 'medium',
): string =>
  typeof when === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(when)
    ? dateFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${when}T12:00:00Z`))
    : dateFormat(language, { dateStyle: style }).format(new Date(when));

/** A moment: its date and its time to the minute ("2 Dec 2026, 14:05"). */
export const formatDateTime = (
  when: number | string | Date,
  language: string,
  style: DateStyle = 'medium',
): string => dateFormat(language, { dateStyle: style, timeStyle: 'short' }).format(new Date(when));

/** A time of day to the minute ("14:05"). */
export const formatTime = (when: number | Date, language: string): string =>
  dateFormat(language, { timeStyle: 'short' }).format(new Date(when));

export const formatNumber = (n: number, language: string): string =>
  cached(`n|${language}`, () => new Intl.NumberFormat(localeOf(language))).format(n);

/** An amount in its currency ("€ 1.250,50" in Dutch, "€1,250.50" in English). */
export const formatCurrency = (amount: number, currency: string, language: string): string =>
  cached(
    `c|${language}|${currency}`,
    () => new Intl.NumberFormat(localeOf(language), { style: 'currency', currency }),
  ).format(amount);
