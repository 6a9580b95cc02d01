// Formula injection (CSV injection): a cell that starts with = + - @, a tab or a carriage return may be
// run as a formula when the file is opened in a spreadsheet (=HYPERLINK(...) sending data away). Such a
// text cell gets a leading apostrophe, the convention OWASP recommends and Excel shows as plain text.
import type { ExportCell } from './types';

const DANGEROUS = /^[=+\-@\t\r]/;

export const neutraliseFormula = (text: string): string => (DANGEROUS.test(text) ? `'${text}` : text);

/** A cell as text for CSV: numbers and booleans as written, text neutralised. */
export const cellText = (cell: ExportCell): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return neutraliseFormula(cell);
};
