// Showing money and people's roles in deals: amounts are stored in minor units and formatted for the
// UI language; different currencies are listed side by side, never added.
import { minorDigits } from '../../../shared/deals';
import { formatCurrency, localeOf } from '../../../shared/locale';

export const formatMoney = (minor: number, currency: string, language: string): string => {
  const digits = minorDigits(currency);
  return formatCurrency(minor / 10 ** digits, currency, language);
};

export const formatTotals = (totals: ReadonlyMap<string, number>, language: string): string =>
  [...totals].map(([currency, minor]) => formatMoney(minor, currency, language)).join(' · ');

/** The amount as a user would type it back in the form, e.g. "1250,50" in Dutch. */
export const amountInput = (minor: number, currency: string, language: string): string => {
  if (!minor) return '';
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(localeOf(language), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minor / 10 ** digits);
};
