// Public face of the import core: reading spreadsheets and address books into rows, mapping
// columns onto a Person, and finding duplicates. Pure data in and out, so the import worker can post
// every value across the worker boundary (structured clone) without losing anything.
import type { ContactLabel, Email, Phone, PostalAddress } from '../people';

export type { ContactLabel };

// ---------------------------------------------------------------------------------------------------
// Reading files → rows
// ---------------------------------------------------------------------------------------------------

export type ImportFormat = 'csv' | 'xlsx' | 'vcard';
export type CsvDelimiter = ',' | ';' | '\t';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ImportFile {
  /** File name as the user chose it; used to guess the format and in error messages. */
  name: string;
  bytes: Uint8Array;
}

/** Hard bounds that keep a hostile or huge file from exhausting memory or time. */
export interface ImportLimits {
  /** Size of the file as given (default 200 MB). */
  maxInputBytes: number;
  /** Data rows (default 250,000). */
  maxRows: number;
  /** Columns in one row (default 1,000). */
  maxColumns: number;
  /** Cells in the whole table, empty ones included (default 10,000,000): bounds memory for sparse sheets. */
  maxCells: number;
  /** Characters in one cell (default 100,000). */
  maxCellChars: number;
  /** Total bytes inflated from an XLSX archive, across all parts (default 500 MB). */
  maxUnzippedBytes: number;
}

export interface ImportProgress {
  phase: 'read' | 'map' | 'dedupe';
  /** Units done and total for this phase (bytes for `read`, rows for `map` and `dedupe`). */
  done: number;
  total: number;
}

export interface ReadOptions {
  /** Force a format instead of detecting it from content and name. */
  format?: ImportFormat;
  /** CSV: force the delimiter instead of detecting it. */
  delimiter?: CsvDelimiter;
  /** CSV: force the text encoding instead of detecting it (invalid UTF-8 → windows-1252). */
  encoding?: TextEncoding;
  /** XLSX: the sheet to read, by name or 0-based index; the first worksheet when left out. */
  sheet?: string | number;
  limits?: Partial<ImportLimits>;
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting rejects with an ImportError of code `aborted`. */
  signal?: AbortSignal;
}

export interface Table {
  /** File name, as given. */
  file: string;
  format: ImportFormat;
  /** CSV only. */
  encoding?: TextEncoding;
  /** CSV only. */
  delimiter?: CsvDelimiter;
  /** XLSX only: every worksheet name, in workbook order, and the one that was read. */
  sheetNames?: string[];
  sheet?: string;
  /** The first row of the file (for vCard: fixed column names, see VCARD_HEADERS). */
  headers: string[];
  /** Data rows, each padded or kept to headers.length cells; cells are plain text, never evaluated. */
  rows: string[][];
  /**
   * The 1-based row number in the file of rows[i] is rowNumbers[i] (CSV: the record number counting
   * the header as row 1; XLSX: the sheet row; vCard: the card number). Use it in messages to the user.
   */
  rowNumbers: number[];
}

export type ImportErrorCode =
  | 'aborted'
  | 'empty'
  | 'unknown_format'
  | 'file_too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'cell_too_large'
  | 'unclosed_quote'
  | 'invalid_quote'
  | 'not_zip'
  | 'zip_bomb'
  | 'invalid_xlsx'
  | 'sheet_not_found'
  | 'invalid_vcard';

/** What went wrong, where; never the content of a cell (it may be personal data). Clone-safe. */
export interface ImportErrorInfo {
  file: string;
  /** 1-based row (CSV record / sheet row / card number), when known. */
  row?: number;
  /** 1-based column, when known; shown to people as a letter (columnLetter). */
  column?: number;
  code: ImportErrorCode;
  message: string;
}

// ---------------------------------------------------------------------------------------------------
// Column mapping
// ---------------------------------------------------------------------------------------------------

export type TargetField =
  | 'fullName'
  | 'givenName'
  /** Middle names: particles (van, de…) go in front of the family name, other names after the given name. */
  | 'middleName'
  /** Dutch "tussenvoegsel" (van, de, van der…): put in front of the family name. */
  | 'familyNamePrefix'
  | 'familyName'
  | 'email'
  /** The label (work, home, mobile, other; also Dutch and Google's "* Work") of the email in the same group. */
  | 'emailLabel'
  | 'phone'
  | 'phoneLabel'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'region'
  | 'country'
  | 'jobTitle'
  | 'organisation'
  | 'tags'
  | 'notes';

export interface FieldTarget {
  field: TargetField;
  /** For email and phone: the label the value gets (default work), unless a label column says otherwise. */
  label?: ContactLabel;
  /**
   * Pairs columns: an emailLabel/phoneLabel column labels the email/phone column with the same group
   * ("E-mail 1 - Type" with "E-mail 1 - Value"); address columns with different groups are alternative
   * addresses (Outlook's Business and Home), of which the first group with any value is taken.
   */
  group?: number;
}

/** One entry per column, aligned with Table.headers; null = the column is not imported. */
export type ColumnMapping = (FieldTarget | null)[];

/** A saved or built-in mapping, keyed by header name (matched case- and space-insensitively). */
export interface Preset {
  id: string;
  name: string;
  mapping: Record<string, FieldTarget>;
}

/** A person as read from one row, before the worker adds source, organisation id and createdAt. */
export interface ImportPerson {
  givenName: string;
  familyName: string;
  emails: Email[];
  phones: Phone[];
  address: PostalAddress | null;
  jobTitle: string;
  /** Organisation by name; the worker finds or creates the Organisation record. */
  organisationName: string;
  tags: string[];
  notes: string;
}

export type FieldIssueCode =
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_country'
  | 'too_long'
  | 'too_many'
  /** The cell starts with = + - @: kept as plain text, never evaluated; flagged for the preview. */
  | 'formula_text'
  /** The row has neither a given nor a family name: it cannot be imported. */
  | 'missing_name';

export interface FieldIssue {
  /** Index into the rows passed to mapRows (plus startIndex). */
  index: number;
  /** 1-based row in the file. */
  row: number;
  /** 1-based column, when the issue belongs to one cell. */
  column?: number;
  field?: TargetField;
  code: FieldIssueCode;
  /** error: the row is not importable; warning: the value was dropped or kept as text, the row goes on. */
  severity: 'error' | 'warning';
}

export interface ImportCandidate {
  /** Index into the rows passed to mapRows (plus startIndex). */
  index: number;
  /** 1-based row in the file. */
  row: number;
  person: ImportPerson;
  /** False when the row has an error-severity issue and must not be imported. */
  valid: boolean;
}

export interface MapOptions {
  /** Row numbers in the file (Table.rowNumbers); defaults to index + 2 (header is row 1). */
  rowNumbers?: readonly number[];
  /** When mapping chunk-wise: the index of rows[0] in the whole table. */
  startIndex?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface MapResult {
  candidates: ImportCandidate[];
  issues: FieldIssue[];
}

// ---------------------------------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------------------------------

/** Enough of a person to compare: an ImportPerson fits, and so does a stored Person with its id. */
export interface DedupeSubject {
  givenName: string;
  familyName: string;
  emails: readonly { value: string }[];
  phones: readonly { value: string }[];
  organisationName?: string;
}

export interface ExistingPerson extends DedupeSubject {
  id: string;
}

export type DuplicateReason = 'email' | 'phone' | 'name';

export interface DuplicateGroup {
  /** Every reason that links members of this group. */
  reasons: DuplicateReason[];
  /** Indexes into the candidates array passed in. */
  indexes: number[];
  /** Ids of existing people in the group. */
  existingIds: string[];
}

export interface DedupeOptions {
  /** Jaro-Winkler similarity (0–1) at or above which two names in one block count as the same (0.94). */
  nameThreshold?: number;
  /** Region for phone numbers written without a country code (NL). */
  defaultRegion?: string;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------------
// Function signatures (implemented in shared/import/index.ts and shared/export/index.ts)
// ---------------------------------------------------------------------------------------------------

export type ReadTable = (file: ImportFile, options?: ReadOptions) => Promise<Table>;
export type SuggestMapping = (headers: readonly string[]) => {
  mapping: ColumnMapping;
  preset: Preset | null;
};
export type MapRows = (
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options?: MapOptions,
) => MapResult;
export type FindDuplicates = (
  candidates: readonly DedupeSubject[],
  existing?: readonly ExistingPerson[],
  options?: DedupeOptions,
) => Promise<DuplicateGroup[]>;
export type MergeCandidates = (a: ImportPerson, b: ImportPerson) => ImportPerson;
