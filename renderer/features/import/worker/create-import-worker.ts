// Starts the import worker as a module worker from the app's own origin (CSP: worker-src 'self').
import type { WorkerLike } from '../../../../shared/import';

export const createImportWorker = (): WorkerLike =>
  new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kluis-import',
  }) as unknown as WorkerLike;
