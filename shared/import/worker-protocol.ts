// Messages between the import wizard and its worker. Everything is plain data (structured clone); the
// worker keeps the whole table and sends back only a preview, then the mapped candidates and duplicates.
import type {
  ColumnMapping,
  DuplicateGroup,
  ExistingPerson,
  FieldIssue,
  ImportCandidate,
  ImportErrorInfo,
  ImportFile,
  ImportProgress,
  Preset,
  ReadOptions,
  Table,
} from './types';

export type ReadChoices = Pick<ReadOptions, 'format' | 'delimiter' | 'encoding' | 'sheet'>;

/** What the wizard shows about a file once read: detected format, the first rows, a suggested mapping. */
export interface TableSummary extends Omit<Table, 'rows' | 'rowNumbers'> {
  readonly rowCount: number;
  readonly preview: string[][];
  readonly previewRowNumbers: number[];
  readonly suggestion: { mapping: ColumnMapping; preset: Preset | null };
}

export interface Analysis {
  /** The importable rows (valid), in file order; duplicate groups index into this array. */
  readonly candidates: ImportCandidate[];
  /** Every problem found while mapping, in invalid and valid rows alike. */
  readonly issues: FieldIssue[];
  readonly invalidRows: number;
  readonly groups: DuplicateGroup[];
}

export type WorkerRequest =
  | { readonly id: number; readonly type: 'read'; readonly file: ImportFile; readonly choices: ReadChoices }
  | {
      readonly id: number;
      readonly type: 'analyse';
      readonly mapping: ColumnMapping;
      readonly existing: ExistingPerson[];
    };

export type WorkerResponse =
  | { readonly id: number; readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly id: number; readonly type: 'read'; readonly summary: TableSummary }
  | { readonly id: number; readonly type: 'analyse'; readonly analysis: Analysis }
  | { readonly id: number; readonly type: 'error'; readonly error: ImportErrorInfo | { message: string } };

export const PREVIEW_ROWS = 20;
