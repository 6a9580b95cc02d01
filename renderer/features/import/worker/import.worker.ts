// The import worker: reading, mapping and duplicate detection off the page's thread, so a 100,000-row
// file never freezes the window. It holds the last table read; the wizard cancels by terminating it.
import { isImportError } from '../../../../shared/import';
import type { ImportProgress, Table } from '../../../../shared/import';
import { analyse, readFile } from '../../../../shared/import';
import type { WorkerRequest, WorkerResponse } from '../../../../shared/import';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
}
const scope = self as unknown as WorkerScope;

let table: Table | null = null;

/** Progress at most every 50 ms: enough for a smooth bar without flooding the page. */
const throttled = (id: number) => {
  let last = 0;
  return (progress: ImportProgress) => {
    const now = performance.now();
    if (now - last < 50 && progress.done < progress.total) return;
    last = now;
    scope.postMessage({ id, type: 'progress', progress });
  };
};

scope.onmessage = async ({ data }) => {
  try {
    if (data.type === 'read') {
      table = null;
      const read = await readFile(data.file, data.choices, throttled(data.id));
      table = read.table;
      scope.postMessage({ id: data.id, type: 'read', summary: read.summary });
    } else {
      if (!table) throw new Error('No file has been read');
      const analysis = await analyse(table, data.mapping, data.existing, throttled(data.id));
      scope.postMessage({ id: data.id, type: 'analyse', analysis });
    }
  } catch (error) {
    scope.postMessage({
      id: data.id,
      type: 'error',
      // An ImportError says where (file, row, column); anything else is reported without its details,
      // which could quote a cell.
      error: isImportError(error) ? error.toInfo() : { message: 'The file could not be read' },
    });
  }
};
