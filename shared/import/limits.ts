// Bounds for one import: big enough for a company's whole address book, small enough that a hostile
// file fails fast with a clear error instead of exhausting memory.
import { ImportError } from './errors';
import type { ImportLimits } from './types';

export const DEFAULT_LIMITS: ImportLimits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxRows: 250_000,
  maxColumns: 1_000,
  maxCells: 10_000_000,
  maxCellChars: 100_000,
  maxUnzippedBytes: 500 * 1024 * 1024,
};

export const resolveLimits = (limits?: Partial<ImportLimits>): ImportLimits => ({
  ...DEFAULT_LIMITS,
  ...limits,
});

export const checkAborted = (file: string, signal?: AbortSignal): void => {
  if (signal?.aborted) throw new ImportError({ file, code: 'aborted' }, 'import cancelled');
};

/** Lets a worker receive its cancel message between chunks of work. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const checkInputSize = (file: string, size: number, limits: ImportLimits): void => {
  if (size > limits.maxInputBytes) {
    throw new ImportError(
      { file, code: 'file_too_large' },
      `file is larger than ${mb(limits.maxInputBytes)}`,
    );
  }
};

export const tooManyRows = (file: string, limits: ImportLimits): ImportError =>
  new ImportError(
    { file, row: limits.maxRows + 2, code: 'too_many_rows' },
    `more than ${limits.maxRows.toLocaleString('en')} rows; split the file`,
  );

export const tooManyColumns = (file: string, row: number, limits: ImportLimits): ImportError =>
  new ImportError({ file, row, code: 'too_many_columns' }, `more than ${limits.maxColumns} columns`);

export const tooManyCells = (file: string, limits: ImportLimits): ImportError =>
  new ImportError(
    { file, code: 'too_many_rows' },
    `more than ${limits.maxCells.toLocaleString('en')} cells; split the file`,
  );

export const cellTooLarge = (file: string, row: number, column: number, limits: ImportLimits): ImportError =>
  new ImportError(
    { file, row, column, code: 'cell_too_large' },
    `cell longer than ${limits.maxCellChars.toLocaleString('en')} characters`,
  );
