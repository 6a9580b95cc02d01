// readTable: one file in, a table of plain-text cells out, whatever the format. The format is detected
// from the content first (a zip is XLSX, BEGIN:VCARD is vCard) and the name second, so a renamed file
// still reads, and a file that only pretends to be XLSX is refused with a clear message.
import { parseCsv, detectDelimiter } from './csv';
import { decodeText } from './decode';
import { ImportError } from './errors';
import { checkAborted, checkInputSize, resolveLimits, yieldToEventLoop } from './limits';
import { parseVcards } from './vcard';
import { readXlsx } from './xlsx';
import { isZip } from './zip';
import type { ImportFile, ImportFormat, ReadOptions, Table } from './types';

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

const isOleCompound = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

const startsWithVcard = (bytes: Uint8Array): boolean => {
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^BEGIN:VCARD/i.test(head);
};

export const detectFormat = (file: ImportFile): ImportFormat => {
  const ext = extension(file.name);
  const { bytes } = file;
  if (isZip(bytes)) return 'xlsx';
  if (startsWithVcard(bytes)) return 'vcard';
  if (isOleCompound(bytes) || ext === 'xls') {
    throw new ImportError(
      { file: file.name, code: 'unknown_format' },
      'old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV',
    );
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    throw new ImportError(
      { file: file.name, code: 'not_zip' },
      'this is not an XLSX file (it is not a zip archive)',
    );
  }
  if (ext === 'vcf' || ext === 'vcard') {
    throw new ImportError(
      { file: file.name, code: 'invalid_vcard' },
      'no vCard found (the file does not start with BEGIN:VCARD)',
    );
  }
  return 'csv';
};

/** Headers from the first record; rows padded to one width so every column has a header (maybe ""). */
const toTable = (
  base: Omit<Table, 'headers' | 'rows' | 'rowNumbers'>,
  records: string[][],
  rowNumbers: number[],
): Table => {
  if (records.length === 0) throw new ImportError({ file: base.file, code: 'empty' }, 'the file has no rows');
  let width = 0;
  for (const r of records) if (r.length > width) width = r.length;
  const headers = records[0]!.map((h) => h.trim());
  while (headers.length < width) headers.push('');
  const rows = records.slice(1);
  for (const r of rows) while (r.length < width) r.push('');
  return { ...base, headers, rows, rowNumbers: rowNumbers.slice(1) };
};

export const readTable = async (file: ImportFile, options: ReadOptions = {}): Promise<Table> => {
  const limits = resolveLimits(options.limits);
  const name = file.name;
  const total = file.bytes.length;
  checkAborted(name, options.signal);
  checkInputSize(name, total, limits);
  if (total === 0) throw new ImportError({ file: name, code: 'empty' }, 'the file is empty');
  options.onProgress?.({ phase: 'read', done: 0, total });
  const format = options.format ?? detectFormat(file);
  let table: Table;
  if (format === 'xlsx') {
    const x = readXlsx(name, file.bytes, limits, options.sheet);
    table = toTable(
      { file: name, format, sheetNames: x.sheetNames, sheet: x.sheet },
      x.records,
      x.rowNumbers,
    );
  } else {
    const { text, encoding } = decodeText(file.bytes, options.encoding);
    if (text.includes('\u0000')) {
      throw new ImportError(
        { file: name, code: 'unknown_format' },
        'this is not a text file, XLSX file or vCard',
      );
    }
    await yieldToEventLoop();
    checkAborted(name, options.signal);
    if (format === 'vcard') {
      const v = parseVcards(name, text, limits);
      table = { file: name, format, encoding, headers: v.headers, rows: v.records, rowNumbers: v.rowNumbers };
    } else {
      const delimiter = options.delimiter ?? detectDelimiter(text);
      const c = parseCsv(name, text, delimiter, limits);
      table = toTable({ file: name, format, encoding, delimiter }, c.records, c.rowNumbers);
    }
  }
  checkAborted(name, options.signal);
  options.onProgress?.({ phase: 'read', done: total, total });
  return table;
};
