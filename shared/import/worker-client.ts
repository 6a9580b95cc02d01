// The wizard's side of the import worker: one request at a time, progress as it comes, and cancel by
// terminating the worker (a parse in progress cannot be interrupted any other way). After a cancel a
// fresh worker is started and, when the table is needed again, the file is read again.
import type { ColumnMapping, ExistingPerson, ImportErrorInfo, ImportFile, ImportProgress } from './types';
import type { Analysis, ReadChoices, TableSummary, WorkerRequest, WorkerResponse } from './worker-protocol';

/** The few parts of a Web Worker used here, so this file needs no DOM types. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** Thrown by a request that was cancelled. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError';
  constructor() {
    super('The import was cancelled');
  }
}

/** A request the worker refused; the info says where (file, row, column) — never a cell. */
export class ImportWorkerError extends Error {
  override readonly name = 'ImportWorkerError';
  constructor(readonly info: ImportErrorInfo | { message: string }) {
    super(info.message);
  }
}

interface Pending {
  resolve(value: WorkerResponse): void;
  reject(error: Error): void;
  onProgress?: (progress: ImportProgress) => void;
}

export class ImportWorkerClient {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private lastRead: { file: ImportFile; choices: ReadChoices } | null = null;
  private readFresh = false;

  constructor(private readonly createWorker: () => WorkerLike) {}

  async read(
    file: ImportFile,
    choices: ReadChoices = {},
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<TableSummary> {
    this.lastRead = { file, choices };
    const response = await this.request({ type: 'read', file, choices }, onProgress);
    if (response.type !== 'read') throw new Error('unexpected answer');
    this.readFresh = true;
    return response.summary;
  }

  async analyse(
    mapping: ColumnMapping,
    existing: ExistingPerson[],
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Analysis> {
    if (!this.readFresh) {
      if (!this.lastRead) throw new Error('read a file first');
      await this.read(this.lastRead.file, this.lastRead.choices, onProgress);
    }
    const response = await this.request({ type: 'analyse', mapping, existing }, onProgress);
    if (response.type !== 'analyse') throw new Error('unexpected answer');
    return response.analysis;
  }

  /** Stops whatever the worker is doing; pending requests reject with ImportCancelledError. */
  cancel(): void {
    this.stop(new ImportCancelledError());
  }

  dispose(): void {
    this.stop(new ImportCancelledError());
    this.lastRead = null;
  }

  private stop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    this.readFresh = false;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  private request(
    message:
      | { type: 'read'; file: ImportFile; choices: ReadChoices }
      | { type: 'analyse'; mapping: ColumnMapping; existing: ExistingPerson[] },
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<WorkerResponse> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress && { onProgress }) });
      worker.postMessage({ ...message, id } as WorkerRequest);
    });
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = ({ data }) => {
      const pending = this.pending.get(data.id);
      if (!pending) return;
      if (data.type === 'progress') return pending.onProgress?.(data.progress);
      this.pending.delete(data.id);
      if (data.type === 'error') pending.reject(new ImportWorkerError(data.error));
      else pending.resolve(data);
    };
    worker.onerror = (event) =>
      this.stop(new ImportWorkerError({ message: event.message || 'The import worker stopped' }));
    this.worker = worker;
    return worker;
  }
}
