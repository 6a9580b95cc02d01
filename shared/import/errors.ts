// The one error the import core throws: it says what is wrong and where (file, row, column), never what
// a cell held, because cells hold personal data and errors end up in logs and on screen.
import type { ImportErrorCode, ImportErrorInfo } from './types';

/** 1 → "A", 27 → "AA": the column as a spreadsheet user sees it. */
export const columnLetter = (column: number): string => {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

const where = (row?: number, column?: number): string =>
  [row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column ${columnLetter(column)}`]
    .filter(Boolean)
    .join(', ');

export class ImportError extends Error implements ImportErrorInfo {
  override readonly name = 'ImportError';
  readonly file: string;
  readonly row?: number;
  readonly column?: number;
  readonly code: ImportErrorCode;

  /** `problem` is a fixed phrase such as "unclosed quote"; the message adds file, row and column. */
  constructor(info: { file: string; row?: number; column?: number; code: ImportErrorCode }, problem: string) {
    const at = where(info.row, info.column);
    super(`${info.file}: ${at ? `${at}: ` : ''}${problem}`);
    this.file = info.file;
    if (info.row !== undefined) this.row = info.row;
    if (info.column !== undefined) this.column = info.column;
    this.code = info.code;
  }

  /** A plain object to post across the worker boundary. */
  toInfo(): ImportErrorInfo {
    const info: ImportErrorInfo = { file: this.file, code: this.code, message: this.message };
    if (this.row !== undefined) info.row = this.row;
    if (this.column !== undefined) info.column = this.column;
    return info;
  }
}

export const isImportError = (error: unknown): error is ImportError => error instanceof ImportError;
