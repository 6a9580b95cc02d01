// Public face of the export writers (issue 4): any list to CSV or XLSX, with formula injection neutralised.

/** A cell value; numbers and booleans are written as such, everything else as text. */
export type ExportCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** ',' (default) or ';' for Dutch Excel, which expects semicolons. */
  delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark so Excel reads the text as UTF-8 (default true). */
  bom?: boolean;
}

export interface XlsxOptions {
  /** Worksheet name (default "Export"); cut to Excel's 31 characters. */
  sheetName?: string;
}

export type ToCsv = (
  columns: readonly string[],
  rows: readonly (readonly ExportCell[])[],
  options?: CsvOptions,
) => Uint8Array;
export type ToXlsx = (
  columns: readonly string[],
  rows: readonly (readonly ExportCell[])[],
  options?: XlsxOptions,
) => Uint8Array;
