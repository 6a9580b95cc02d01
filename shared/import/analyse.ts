// The worker's work, as plain functions so they run (and are tested) outside a worker too: read a file
// into a table, and map plus de-duplicate it in chunks, reporting progress as it goes.
import { findDuplicates, mapRows, readTable, suggestMapping } from './';
import type {
  ColumnMapping,
  ExistingPerson,
  ImportCandidate,
  ImportFile,
  ImportProgress,
  Table,
} from './types';
import { PREVIEW_ROWS, type Analysis, type ReadChoices, type TableSummary } from './worker-protocol';

const MAP_CHUNK = 5000;

export const readFile = async (
  file: ImportFile,
  choices: ReadChoices,
  onProgress?: (progress: ImportProgress) => void,
): Promise<{ table: Table; summary: TableSummary }> => {
  const table = await readTable(file, { ...choices, ...(onProgress && { onProgress }) });
  const { rows, rowNumbers, ...rest } = table;
  const summary: TableSummary = {
    ...rest,
    rowCount: rows.length,
    preview: rows.slice(0, PREVIEW_ROWS),
    previewRowNumbers: rowNumbers.slice(0, PREVIEW_ROWS),
    suggestion: suggestMapping(table.headers),
  };
  return { table, summary };
};

/** Maps every row and finds duplicates within the file and against the people already held. */
export const analyse = async (
  table: Table,
  mapping: ColumnMapping,
  existing: readonly ExistingPerson[],
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<Analysis> => {
  const candidates: ImportCandidate[] = [];
  const issues: Analysis['issues'] = [];
  let invalidRows = 0;
  const total = table.rows.length;
  for (let start = 0; start < total; start += MAP_CHUNK) {
    signal?.throwIfAborted();
    const result = mapRows(table.rows.slice(start, start + MAP_CHUNK), mapping, {
      rowNumbers: table.rowNumbers.slice(start, start + MAP_CHUNK),
      startIndex: start,
    });
    for (const c of result.candidates) {
      if (c.valid) candidates.push(c);
      else invalidRows += 1;
    }
    for (const issue of result.issues) issues.push(issue);
    onProgress?.({ phase: 'map', done: Math.min(total, start + MAP_CHUNK), total });
  }
  const groups = await findDuplicates(
    candidates.map((c) => c.person),
    existing,
    { ...(onProgress && { onProgress }), ...(signal && { signal }) },
  );
  return { candidates, issues, invalidRows, groups };
};
