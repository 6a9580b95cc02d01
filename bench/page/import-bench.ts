// Import benchmark (issue 4): 100,000 generated people as a CSV file through the real import path —
// read, map and find duplicates in the import worker, then commit into the encrypted store — against
// inserting the same people, already parsed, with session.people.createMany. Each side runs in a browser
// profile and page of its own (bench/run.mjs), so the import's memory peak is its own. The runner samples
// the renderer processes' resident memory (page and import worker) and the page's V8 heap.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { commitImport } from '../../shared/import';
import { LOCAL_ACTOR } from '../../shared/workspace';
import { planImport } from '../../shared/import/plan';
import { ImportWorkerClient, type WorkerLike } from '../../shared/import/worker-client';
import { mergeCandidates } from '../../shared/import';
import type { PersonInput } from '../../shared/people/person';
import { openKluisDatabase } from '../../shared/store/database';
import { Vault } from '../../shared/vault/vault';
import { generatePeople } from '../people-generator';

const now = (): number => performance.now();
const log = (message: string): void => console.log(`[bench] ${message}`);

let people: PersonInput[] = [];
let csv: Uint8Array = new Uint8Array();

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

const HEADERS = [
  'Given name',
  'Family name',
  'Email',
  'Phone',
  'Street',
  'Postal code',
  'City',
  'Country',
  'Job title',
  'Tags',
  'Notes',
];

const toCsvText = (rows: readonly PersonInput[]): string => {
  const lines = [HEADERS.join(',')];
  for (const p of rows) {
    lines.push(
      [
        p.givenName ?? '',
        p.familyName ?? '',
        p.emails?.[0]?.value ?? '',
        p.phones?.[0]?.value ?? '',
        p.address?.street ?? '',
        p.address?.postalCode ?? '',
        p.address?.city ?? '',
        p.address?.country ?? '',
        p.jobTitle ?? '',
        (p.tags ?? []).join(';'),
        p.notes ?? '',
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
};

const freshSession = async (name: string, passphrase: string) => {
  const db = await openKluisDatabase({ storage: getRxStorageDexie(), name });
  const session = await (await Vault.open(db)).create(passphrase);
  return { db, session };
};

// The page's Web Worker, typed here so this file also checks without DOM types; Vite bundles the worker
// only when it sees `new Worker(new URL(...), ...)` written out.
declare const Worker: new (url: URL, options: { type: 'module'; name?: string }) => WorkerLike;
const createWorker = (): WorkerLike =>
  new Worker(new URL('../../renderer/features/import/worker/import.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kluis-import',
  });

/**
 * Generates the people and their CSV. `keepPeople: false` keeps only the CSV bytes, so a page that runs
 * the import alone holds no parsed copy of the people beside what the import itself makes.
 */
const importPrepare = ({
  count,
  seed,
  keepPeople = true,
}: {
  count: number;
  seed: number;
  keepPeople?: boolean;
}) => {
  const start = now();
  people = generatePeople(count, seed).map((p) => ({
    ...p,
    createdAt: undefined,
    source: { method: 'import', description: 'bench.csv', obtainedOn: '2026-11-01' },
  }));
  csv = new TextEncoder().encode(toCsvText(people));
  const generated = people.length;
  if (!keepPeople) people = [];
  return { people: generated, csvMB: csv.length / 1e6, prepareMs: now() - start };
};

/** The yardstick: the same people, already parsed, straight into the store. */
const importDirect = async ({ passphrase, run }: { passphrase: string; run: number }) => {
  const { db, session } = await freshSession(`kluis-import-direct-${run}`, passphrase);
  const start = now();
  await session.people.createMany(people);
  const ms = now() - start;
  const stored = await session.people.count();
  session.lock();
  await db.remove();
  return { ms, stored };
};

/** The product path: the CSV through the worker (read, map, dedupe), then the commit. */
const importThroughWorker = async ({ passphrase, run }: { passphrase: string; run: number }) => {
  const { db, session } = await freshSession(`kluis-import-worker-${run}`, passphrase);
  const client = new ImportWorkerClient(createWorker);
  const result = await (async () => {
    let start = now();
    const summary = await client.read({ name: 'bench.csv', bytes: csv.slice() });
    const readMs = now() - start;
    start = now();
    const analysis = await client.analyse(summary.suggestion.mapping, []);
    const analyseMs = now() - start;
    start = now();
    // Keep both for every group: the same people are stored as on the direct path.
    const plan = planImport(
      analysis.candidates,
      analysis.groups,
      analysis.groups.map(() => 'keep'),
      mergeCandidates,
    );
    const planMs = now() - start;
    start = now();
    const report = await commitImport(session, LOCAL_ACTOR, {
      file: 'bench.csv',
      plan,
      obtainedOn: '2026-11-01',
      purpose: { name: 'Bench', lawfulBasis: 'legitimate_interests' },
      organisations: [],
    });
    const commitMs = now() - start;
    return {
      readMs,
      analyseMs,
      planMs,
      commitMs,
      created: report.created,
      rows: summary.rowCount,
      invalidRows: analysis.invalidRows,
      groups: analysis.groups.length,
    };
  })();
  client.dispose();
  const stored = await session.people.count();
  session.lock();
  await db.remove();
  log(`import: read ${result.readMs.toFixed(0)} ms, map+dedupe ${result.analyseMs.toFixed(0)} ms`);
  return { ...result, stored };
};

export const importBench = { importPrepare, importDirect, importThroughWorker };
