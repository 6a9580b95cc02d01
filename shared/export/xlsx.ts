// Lists → a minimal valid XLSX: one worksheet, text as inline strings (no shared-strings table to
// build), numbers and booleans typed, zipped with fflate. Text is neutralised as in CSV, so a cell
// stays harmless when someone copies it or saves the workbook as CSV.
import { strToU8, zipSync } from 'fflate';
import { neutraliseFormula } from './escape';
import type { ExportCell, XlsxOptions } from './types';

const escapeXml = (text: string): string =>
  text
    // Characters XML 1.0 cannot hold (other control characters) are left out.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const cellXml = (ref: string, cell: ExportCell): string => {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  const text = escapeXml(neutraliseFormula(cell));
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel refuses sheet names with []:*?/\ or longer than 31 characters. */
const sheetTitle = (name: string | undefined): string =>
  (name ?? 'Export')
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31) || 'Export';

export interface XlsxSheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

/** A workbook of several worksheets, each a heading row and its rows (the managers' reports use one each). */
export const toXlsxSheets = (sheets: readonly XlsxSheet[]): Uint8Array => {
  const sheetXml = ({ columns, rows }: XlsxSheet): string => {
    const width = Math.max(columns.length, ...rows.map((r) => r.length));
    const letters = Array.from({ length: width }, (_, i) => columnLetter(i));
    const rowXml = (cells: readonly ExportCell[], r: number) =>
      `<row r="${r}">${letters.map((l, i) => cellXml(`${l}${r}`, cells[i])).join('')}</row>`;
    const sheetRows = [rowXml(columns, 1), ...rows.map((row, i) => rowXml(row, i + 2))];
    return `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`;
  };
  const used = new Set<string>();
  const names = sheets.map((sheet, i) => {
    let name = sheetTitle(sheet.name);
    // Excel refuses two sheets of the same name (compared without case).
    while (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} ${i + 1}`;
    used.add(name.toLowerCase());
    return name;
  });
  const n = sheets.map((_, i) => i + 1);
  const files: Record<string, string> = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    '_rels/.rels': `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${n.map((i) => `<sheet name="${escapeXml(names[i - 1]!)}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="${PKG_REL}">${n.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`,
  };
  sheets.forEach((sheet, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet)));
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])), {
    level: 6,
  });
};

export const toXlsx = (
  columns: readonly string[],
  rows: readonly (readonly ExportCell[])[],
  options: XlsxOptions = {},
): Uint8Array => toXlsxSheets([{ name: options.sheetName ?? 'Export', columns, rows }]);
