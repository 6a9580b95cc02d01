// The real import worker (renderer/features/import/worker/import.worker.ts), bundled as the app bundles it
// and run in a real thread (node:worker_threads, whose postMessage is the same structured clone as a
// browser worker's) behind the real ImportWorkerClient: reading, mapping, duplicate detection, progress,
// errors without cell contents, and the client's cancel, which terminates the thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../../../shared/import/types';
import type { WorkerRequest, WorkerResponse } from '../../../../shared/import/worker-protocol';
import {
  ImportCancelledError,
  ImportWorkerClient,
  ImportWorkerError,
  type WorkerLike,
} from '../../../../shared/import/worker-client';

const WORKER_SOURCE = fileURLToPath(
  new URL('../../../../renderer/features/import/worker/import.worker.ts', import.meta.url),
);

/**
 * A dedicated worker's global scope, over the thread's port: the worker module assigns `self.onmessage`
 * and calls `self.postMessage`, as it does in the browser.
 */
const WORKER_SCOPE = `
import { parentPort as __kluisPort } from 'node:worker_threads';
globalThis.self = {
  set onmessage(handler) { __kluisPort.on('message', (data) => handler({ data })); },
  postMessage: (message) => __kluisPort.postMessage(message),
};
`;

let dir = '';
let bundle = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kluis-import-worker-'));
  bundle = join(dir, 'import.worker.mjs');
  await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: bundle,
    banner: { js: WORKER_SCOPE },
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The worker thread, as the client sees a browser Worker. */
class ThreadWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  readonly received: WorkerResponse[] = [];
  private readonly thread = new Worker(bundle);
  /** Resolves with the exit code once the thread has stopped. */
  readonly exited = new Promise<number>((resolve) => this.thread.once('exit', resolve));

  constructor() {
    this.thread.on('message', (data: WorkerResponse) => {
      this.received.push(data);
      this.onmessage?.({ data });
    });
    this.thread.on('error', (error) => this.onerror?.({ message: error.message }));
  }

  postMessage(message: WorkerRequest): void {
    this.thread.postMessage(message);
  }

  terminate(): void {
    void this.thread.terminate();
  }
}

const threads: ThreadWorker[] = [];
const startThread = (): ThreadWorker => {
  const worker = new ThreadWorker();
  threads.push(worker);
  return worker;
};
afterAll(async () => {
  for (const t of threads) t.terminate();
  await Promise.all(threads.map((t) => t.exited));
});

const CSV = [
  'Voornaam;Achternaam;E-mail;Telefoon',
  "Ruud;van 't Hof;ruud@hof.example;+31 20 555 0101",
  'Zoë;de Vries;zoe@vries.example;',
  "R.;van 't Hof;RUUD@hof.example;",
  ';;zonder.naam@voorbeeld.example;',
].join('\r\n');

const file = { name: 'klanten.csv', bytes: new TextEncoder().encode(CSV) };

describe('import worker, run in a thread behind the client', () => {
  it('reads a semicolon file, suggests a mapping, maps the rows and groups the duplicate by email', async () => {
    const workers: ThreadWorker[] = [];
    const client = new ImportWorkerClient(() => {
      workers.push(startThread());
      return workers.at(-1)!;
    });
    const progress: ImportProgress[] = [];
    const summary = await client.read(file, {}, (p) => progress.push(p));
    expect(summary).toMatchObject({ format: 'csv', delimiter: ';', rowCount: 4 });
    expect(summary.suggestion.mapping.map((m) => m?.field ?? null)).toEqual([
      'givenName',
      'familyName',
      'email',
      'phone',
    ]);

    const analysis = await client.analyse(
      summary.suggestion.mapping,
      [
        {
          id: 'existing1',
          givenName: 'Zoë',
          familyName: 'de Vries',
          emails: [{ value: 'zoe@vries.example' }],
          phones: [],
        },
      ],
      (p) => progress.push(p),
    );
    expect(analysis.invalidRows).toBe(1); // the row without a name
    expect(analysis.candidates.map((c) => c.row)).toEqual([2, 3, 4]);
    const byRows = analysis.groups.map((g) => ({
      rows: g.indexes.map((i) => analysis.candidates[i]!.row),
      existingIds: g.existingIds,
    }));
    expect(byRows).toContainEqual({ rows: [2, 4], existingIds: [] });
    expect(byRows).toContainEqual({ rows: [3], existingIds: ['existing1'] });
    // The worker reported its progress across the boundary, and one thread did all of it.
    expect(progress.some((p) => p.phase === 'map' && p.done === p.total)).toBe(true);
    expect(workers).toHaveLength(1);
    client.dispose();
    expect(await workers[0]!.exited).toBe(1); // terminated
  });

  it('cancel terminates the thread and rejects; the next analysis starts a new one and reads again', async () => {
    const workers: ThreadWorker[] = [];
    const client = new ImportWorkerClient(() => {
      workers.push(startThread());
      return workers.at(-1)!;
    });
    const summary = await client.read(file);
    const pending = client.analyse(summary.suggestion.mapping, []);
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(ImportCancelledError);
    await workers[0]!.exited;
    // The stopped thread never answered the analysis.
    expect(workers[0]!.received.filter((m) => m.type === 'analyse')).toEqual([]);

    const again = await client.analyse(summary.suggestion.mapping, []);
    expect(workers).toHaveLength(2);
    expect(workers[1]!.received.map((m) => m.type).filter((t) => t !== 'progress')).toEqual([
      'read',
      'analyse',
    ]);
    expect(again.candidates).toHaveLength(3);
    client.dispose();
  });

  it('passes on an import error as an ImportWorkerError that says where, not what', async () => {
    const client = new ImportWorkerClient(startThread);
    const failure = client.read({ name: 'leeg.csv', bytes: new Uint8Array() });
    await expect(failure).rejects.toBeInstanceOf(ImportWorkerError);
    await expect(failure).rejects.toMatchObject({ message: expect.stringContaining('leeg.csv') });
    client.dispose();
  });

  it('answers any other failure without its details, which could quote a cell', async () => {
    const worker = startThread();
    const answer = new Promise<WorkerResponse>((resolve) => {
      worker.onmessage = ({ data }) => resolve(data);
    });
    // An analysis before any file was read: the worker's own check, not the client's.
    worker.postMessage({ id: 7, type: 'analyse', mapping: [], existing: [] });
    expect(await answer).toEqual({
      id: 7,
      type: 'error',
      error: { message: 'The file could not be read' },
    });
    worker.terminate();
  });
});
