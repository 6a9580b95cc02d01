// The worker's work (read, map, find duplicates) on a real file with the real import core, run in-process
// behind the same message protocol; and the client's cancel, which terminates the worker.
import { describe, expect, it } from 'vitest';
import { analyse, readFile } from '../../../../shared/import/analyse';
import type { Table } from '../../../../shared/import/types';
import type { WorkerRequest, WorkerResponse } from '../../../../shared/import/worker-protocol';
import {
  ImportCancelledError,
  ImportWorkerClient,
  ImportWorkerError,
  type WorkerLike,
} from '../../../../shared/import/worker-client';

const CSV = [
  'Voornaam;Achternaam;E-mail;Telefoon',
  "Ruud;van 't Hof;ruud@hof.example;+31 20 555 0101",
  'Zoë;de Vries;zoe@vries.example;',
  "R.;van 't Hof;RUUD@hof.example;",
  ';;zonder.naam@voorbeeld.example;',
].join('\r\n');

/** The worker's message handling, in-process: what import.worker.ts does, minus `self`. */
class InProcessWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerResponse }) => void) | null = null;
  onerror: ((event: { message?: string }) => void) | null = null;
  terminated = false;
  private table: Table | null = null;
  /** Holds answers until released, so a test can cancel in between. */
  hold = false;
  private held: (() => void)[] = [];

  postMessage(data: WorkerRequest): void {
    void (async () => {
      let answer: WorkerResponse;
      try {
        if (data.type === 'read') {
          const read = await readFile(data.file, data.choices);
          this.table = read.table;
          answer = { id: data.id, type: 'read', summary: read.summary };
        } else {
          answer = {
            id: data.id,
            type: 'analyse',
            analysis: await analyse(this.table!, data.mapping, data.existing),
          };
        }
      } catch (error) {
        answer = { id: data.id, type: 'error', error: { message: (error as Error).message } };
      }
      const deliver = () => !this.terminated && this.onmessage?.({ data: structuredClone(answer) });
      if (this.hold) this.held.push(deliver);
      else deliver();
    })();
  }

  release(): void {
    for (const d of this.held.splice(0)) d();
  }

  terminate(): void {
    this.terminated = true;
  }
}

const file = { name: 'klanten.csv', bytes: new TextEncoder().encode(CSV) };

describe('import worker client', () => {
  it('reads a semicolon file, suggests a mapping, maps the rows and groups the duplicate by email', async () => {
    const workers: InProcessWorker[] = [];
    const client = new ImportWorkerClient(() => {
      workers.push(new InProcessWorker());
      return workers.at(-1)!;
    });
    const summary = await client.read(file);
    expect(summary).toMatchObject({ format: 'csv', delimiter: ';', rowCount: 4 });
    expect(summary.suggestion.mapping.map((m) => m?.field ?? null)).toEqual([
      'givenName',
      'familyName',
      'email',
      'phone',
    ]);

    const analysis = await client.analyse(summary.suggestion.mapping, [
      {
        id: 'existing1',
        givenName: 'Zoë',
        familyName: 'de Vries',
        emails: [{ value: 'zoe@vries.example' }],
        phones: [],
      },
    ]);
    expect(analysis.invalidRows).toBe(1); // the row without a name
    expect(analysis.candidates.map((c) => c.row)).toEqual([2, 3, 4]);
    const byRows = analysis.groups.map((g) => ({
      rows: g.indexes.map((i) => analysis.candidates[i]!.row),
      existingIds: g.existingIds,
    }));
    expect(byRows).toContainEqual({ rows: [2, 4], existingIds: [] });
    expect(byRows).toContainEqual({ rows: [3], existingIds: ['existing1'] });
    client.dispose();
  });

  it('cancel terminates the worker and rejects; the next analysis starts a new worker and reads again', async () => {
    const workers: InProcessWorker[] = [];
    const client = new ImportWorkerClient(() => {
      workers.push(new InProcessWorker());
      return workers.at(-1)!;
    });
    const summary = await client.read(file);
    workers[0]!.hold = true;
    const pending = client.analyse(summary.suggestion.mapping, []);
    await new Promise((r) => setTimeout(r, 10));
    client.cancel();
    await expect(pending).rejects.toBeInstanceOf(ImportCancelledError);
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.release();

    const again = await client.analyse(summary.suggestion.mapping, []);
    expect(workers).toHaveLength(2);
    expect(again.candidates).toHaveLength(3);
  });

  it('passes on a worker error as an ImportWorkerError', async () => {
    const client = new ImportWorkerClient(() => new InProcessWorker());
    await expect(client.read({ name: 'leeg.csv', bytes: new Uint8Array() })).rejects.toBeInstanceOf(
      ImportWorkerError,
    );
  });
});
