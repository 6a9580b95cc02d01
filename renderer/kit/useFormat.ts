// The locale formatter bound to the interface language, for screens: `const format = useFormat();`
// then `format.date(iso)`, `format.dateTime(ms)`, `format.number(n)`, `format.currency(amount, 'EUR')`.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  localeOf,
  type DateStyle,
} from '../../shared/locale';

export interface Format {
  /** The BCP 47 locale, for the rare Intl call the formatter does not cover (a collator, a plural). */
  readonly locale: string;
  readonly date: (when: number | string | Date, style?: DateStyle) => string;
  readonly dateTime: (when: number | string | Date, style?: DateStyle) => string;
  readonly time: (when: number | Date) => string;
  readonly number: (n: number) => string;
  readonly currency: (amount: number, currency: string) => string;
}

export const formatFor = (language: string): Format => ({
  locale: localeOf(language),
  date: (when, style) => formatDate(when, language, style),
  dateTime: (when, style) => formatDateTime(when, language, style),
  time: (when) => formatTime(when, language),
  number: (n) => formatNumber(n, language),
  currency: (amount, currency) => formatCurrency(amount, currency, language),
});

export const useFormat = (): Format => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => formatFor(language), [language]);
};
