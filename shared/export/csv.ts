// Lists → CSV (RFC 4180: CRLF line ends, fields with a delimiter, quote or line break quoted, quotes
// doubled), UTF-8 with a byte order mark so Excel does not read it as Windows-1252.
import { cellText } from './escape';
import type { CsvOptions, ExportCell } from './types';

const BOM = '\uFEFF';

export const toCsv = (
  columns: readonly string[],
  rows: readonly (readonly ExportCell[])[],
  options: CsvOptions = {},
): Uint8Array => {
  const delimiter = options.delimiter ?? ',';
  const needsQuotes = new RegExp(`[${delimiter === ';' ? ';' : ','}"\\r\\n]|^\\s|\\s$`);
  const field = (text: string) => (needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: readonly ExportCell[]) =>
    columns.map((_, i) => field(cellText(cells[i]))).join(delimiter);
  const lines = [columns.map((c) => field(cellText(c))).join(delimiter)];
  for (const row of rows) lines.push(line(row));
  return new TextEncoder().encode(`${options.bom === false ? '' : BOM}${lines.join('\r\n')}\r\n`);
};
