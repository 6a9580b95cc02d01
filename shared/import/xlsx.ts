// XLSX → rows: one worksheet, with shared strings, inline strings, numbers, booleans and dates (an
// Excel serial in a date-formatted cell becomes an ISO date). Formulas are never evaluated: a formula
// cell gives the value Excel cached for it. The archive goes through the bounded zip reader; the XML
// through saxes, a small streaming parser that expands no external entities, so the sheet is parsed
// chunk by chunk as it is inflated and never held whole in memory.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportError } from './errors';
import { cellTooLarge, tooManyCells, tooManyColumns, tooManyRows } from './limits';
import { InflateBudget, inflateEntry, isZip, listZip, type ZipEntry } from './zip';
import type { ImportLimits } from './types';

export interface XlsxRows {
  sheetNames: string[];
  sheet: string;
  records: string[][];
  rowNumbers: number[];
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams an entry's XML into handlers; malformed XML becomes an invalid_xlsx error without content. */
const parseEntry = (
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void => {
  const parser = new SaxesParser();
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(local(tag.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder();
  const bad = () =>
    new ImportError({ file, code: 'invalid_xlsx' }, `not a valid XLSX file (malformed XML in ${entry.name})`);
  inflateEntry(file, bytes, entry, budget, (chunk) => {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failed) throw bad();
  });
  parser.write(decoder.decode());
  parser.close();
  if (failed) throw bad();
};

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const value = tag.attributes[name];
  if (value !== undefined) return value;
  for (const key of Object.keys(tag.attributes)) if (local(key) === name) return tag.attributes[key];
  return undefined;
};

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

const isDateFormatCode = (code: string): boolean => {
  // Quoted text, escaped characters and [colour]/[condition] sections are not date parts.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
};

const columnIndex = (ref: string): number => {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Excel serial → ISO date (with time when the serial has one), in the 1900 or 1904 date system. */
export const excelSerialToIso = (serial: number, date1904 = false): string => {
  // Day 60 in the 1900 system is the 29th of February 1900 that never was (a Lotus 1-2-3 bug).
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  const ms = Math.round((days - 25569) * 86_400_000);
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (ms % 86_400_000 === 0) return date;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

const resolveTarget = (target: string): string =>
  target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/[^/]+\/\.\.\//g, '/');

export const readXlsx = (
  file: string,
  bytes: Uint8Array,
  limits: ImportLimits,
  sheet?: string | number,
): XlsxRows => {
  if (!isZip(bytes)) {
    throw new ImportError({ file, code: 'not_zip' }, 'this is not an XLSX file (it is not a zip archive)');
  }
  const entries = listZip(file, bytes);
  const entry = (name: string) => entries.get(name);
  const workbookEntry = entry('xl/workbook.xml');
  if (!workbookEntry)
    throw new ImportError({ file, code: 'invalid_xlsx' }, 'not a valid XLSX file (no workbook)');

  // Sizes first: every part we will read is inflated once without parsing, against the budget, so an
  // archive that unpacks beyond it is refused before any XML is looked at.
  const measure = new InflateBudget(file, limits.maxUnzippedBytes);
  const budget = new InflateBudget(file, limits.maxUnzippedBytes);

  const rels = entry('xl/_rels/workbook.xml.rels');
  for (const e of [workbookEntry, rels]) if (e) inflateEntry(file, bytes, e, measure, () => {});
  const relTargets = new Map<string, string>();
  const sheets: { name: string; rel: string }[] = [];
  let date1904 = false;
  const small = (e: ZipEntry, open: (tag: SaxesTagPlain) => void) =>
    parseEntry(file, bytes, e, budget, { open });
  small(workbookEntry, (tag) => {
    const name = local(tag.name);
    if (name === 'sheet') sheets.push({ name: attr(tag, 'name') ?? '', rel: attr(tag, 'id') ?? '' });
    if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attr(tag, 'date1904') ?? '');
  });
  if (rels) {
    small(rels, (tag) => {
      if (local(tag.name) === 'Relationship')
        relTargets.set(attr(tag, 'Id') ?? '', attr(tag, 'Target') ?? '');
    });
  }
  const sheetNames = sheets.map((s) => s.name);
  const chosen =
    sheet === undefined
      ? sheets[0]
      : typeof sheet === 'number'
        ? sheets[sheet]
        : sheets.find((s) => s.name === sheet);
  if (!chosen) {
    throw new ImportError(
      { file, code: sheets.length === 0 ? 'invalid_xlsx' : 'sheet_not_found' },
      sheets.length === 0
        ? 'not a valid XLSX file (no worksheets)'
        : 'the chosen worksheet is not in this file',
    );
  }
  const target = relTargets.get(chosen.rel);
  const sheetEntry = entry(target ? resolveTarget(target) : 'xl/worksheets/sheet1.xml');
  if (!sheetEntry)
    throw new ImportError({ file, code: 'invalid_xlsx' }, 'not a valid XLSX file (worksheet missing)');
  const stylesEntry = entry('xl/styles.xml');
  const stringsEntry = entry('xl/sharedStrings.xml');
  for (const e of [stylesEntry, stringsEntry, sheetEntry])
    if (e) inflateEntry(file, bytes, e, measure, () => {});

  // Styles: which cell formats (by xf index) show a date.
  const dateStyles = new Set<number>();
  if (stylesEntry) {
    const customDate = new Set<number>();
    let inCellXfs = false;
    let xf = 0;
    parseEntry(file, bytes, stylesEntry, budget, {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'numFmt' && isDateFormatCode(attr(tag, 'formatCode') ?? '')) {
          customDate.add(Number(attr(tag, 'numFmtId')));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(attr(tag, 'numFmtId') ?? 0);
          if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) dateStyles.add(xf);
          xf++;
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  // Shared strings: the text of each <si>, runs joined, phonetic guides (<rPh>) left out.
  const strings: string[] = [];
  if (stringsEntry) {
    let current = '';
    let inT = false;
    let inPhonetic = false;
    parseEntry(file, bytes, stringsEntry, budget, {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'si') current = '';
        else if (name === 't') inT = true;
        else if (name === 'rPh') inPhonetic = true;
      },
      text: (text) => {
        if (inT && !inPhonetic) {
          current += text;
          if (current.length > limits.maxCellChars) {
            throw new ImportError(
              { file, code: 'cell_too_large' },
              `a text longer than ${limits.maxCellChars} characters`,
            );
          }
        }
      },
      close: (name) => {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'si') {
          strings.push(current);
          if (strings.length > limits.maxCells) throw tooManyCells(file, limits);
        }
      },
    });
  }

  // The sheet itself.
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  let row: string[] = [];
  let rowNumber = 0;
  let col = 0;
  let type = '';
  let style = 0;
  let value = '';
  let inValue = false;
  let cells = 0;
  parseEntry(file, bytes, sheetEntry, budget, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'row') {
        rowNumber = Number(attr(tag, 'r') ?? rowNumber + 1);
        row = [];
        col = 0;
      } else if (name === 'c') {
        const ref = attr(tag, 'r');
        if (ref) col = columnIndex(ref);
        if (col >= limits.maxColumns) throw tooManyColumns(file, rowNumber, limits);
        type = attr(tag, 't') ?? 'n';
        style = Number(attr(tag, 's') ?? 0);
        value = '';
      } else if (name === 'v' || name === 't') inValue = true;
    },
    text: (text) => {
      if (!inValue) return;
      value += text;
      if (value.length > limits.maxCellChars) throw cellTooLarge(file, rowNumber, col + 1, limits);
    },
    close: (name) => {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'c') {
        let text = value;
        if (type === 's') text = strings[Number(value)] ?? '';
        else if (type === 'b') text = value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
        else if (type === 'n' && value !== '') {
          const number = Number(value);
          if (Number.isFinite(number) && dateStyles.has(style)) text = excelSerialToIso(number, date1904);
          else if (Number.isFinite(number) && /e/i.test(value)) text = String(number);
        }
        while (row.length < col) row.push('');
        row[col] = text;
        col++;
      } else if (name === 'row') {
        if (row.some((cell) => cell !== '')) {
          // Counted as stored: a sparse row is padded up to its last cell.
          cells += row.length;
          if (cells > limits.maxCells) throw tooManyCells(file, limits);
          records.push(row);
          rowNumbers.push(rowNumber);
          if (records.length > limits.maxRows + 1) throw tooManyRows(file, limits);
        }
      }
    },
  });
  return { sheetNames, sheet: chosen.name, records, rowNumbers };
};
