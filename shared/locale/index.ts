// How dates, times, numbers and money read in the interface languages: one formatter for every screen.
export {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatNumber,
  formatTime,
  localeOf,
  type DateStyle,
} from './format';
