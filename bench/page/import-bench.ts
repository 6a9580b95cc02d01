// Import benchmark (issue 4): 100,000 generated people as a CSV file through the real import path —
// read, map and find duplicates in the import worker, then commit into the encrypted store — against
// inserting the same people, already parsed, with session.people.createMany. Each side runs in a browser
// profile and page of its own (bench/run.mjs), so the import's memory peak is its own. The runner samples
// the renderer processes' resident memory (page and import worker) and the page's V8 heap.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { columnsOf, commitImport, existingPeople } from '../../shared/import';
import { Directory } from '../../shared/directory/directory';
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

/** A new vault in a database opened as the app opens it (renderer/platform/storage.ts: multiInstance). */
const freshSession = async (name: string, passphrase: string) => {
  const db = await openKluisDatabase({ storage: getRxStorageDexie(), name, multiInstance: true });
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

/** Resolves once the directory (what the People list shows) holds `count` people. */
const whenListed = (directory: Directory, count: number): Promise<void> =>
  new Promise((resolve) => {
    const check = () => directory.people().length >= count && (stop(), resolve());
    const stop = directory.subscribe(() => void check());
    check();
  });

/**
 * The product path, as the Import screen drives it (renderer/features/import/stores/import-store.ts):
 * with the directory loaded as after unlock and following the store, the chosen file's bytes are read,
 * the worker reads and analyses them against the people already listed, the plan is made and
 * commitImport stores it; the clock stops when the directory lists every person. Each duplicate group
 * is kept (not merged), so the same people are stored as by createMany.
 */
const importThroughWorker = async ({ passphrase, run }: { passphrase: string; run: number }) => {
  const { session } = await freshSession(`kluis-import-worker-${run}`, passphrase);
  const directory = await Directory.load(session);
  const client = new ImportWorkerClient(createWorker);
  const chosen = new Blob([csv.slice()]);
  const marks: Record<string, number> = {};
  // Under BENCH_PROFILE=1 the runner's CDP profiler records exactly this span (a no-op otherwise).
  console.profile('kluis-import');
  const start = now();
  const mark = (label: string) => (marks[label] = now() - start);
  const bytes = new Uint8Array(await chosen.arrayBuffer());
  const summary = await client.read({ name: 'bench.csv', bytes });
  mark('read');
  const mapping = summary.suggestion.mapping;
  const analysis = await client.analyse(mapping, existingPeople(directory));
  mark('analysed');
  const plan = planImport(
    analysis.candidates,
    analysis.groups,
    analysis.groups.map(() => 'keep'),
    mergeCandidates,
  );
  mark('planned');
  const report = await commitImport(session, LOCAL_ACTOR, {
    file: 'bench.csv',
    plan,
    obtainedOn: '2026-11-01',
    purpose: { name: 'Bench', lawfulBasis: 'legitimate_interests' },
    columns: columnsOf(mapping),
    organisations: directory.organisations().map((o) => ({ id: o.id, name: o.name })),
  });
  mark('committed');
  await whenListed(directory, report.created);
  mark('listed');
  console.profileEnd('kluis-import');
  client.dispose();
  const stored = await session.people.count();
  const listed = directory.people().length;
  // Not closed: the directory queues one catch-up per stored record (RxDB emits a change per document
  // and each schedules a full catch-up), and close() waits for all of them — minutes at 10,000 people,
  // after everyone is listed. The runner throws the browser profile away instead.
  log(
    `import: ${Object.entries(marks)
      .map(([k, v]) => `${k} at ${v.toFixed(0)} ms`)
      .join(', ')}`,
  );
  return {
    ms: marks.listed!,
    readMs: marks.read!,
    analyseMs: marks.analysed! - marks.read!,
    planMs: marks.planned! - marks.analysed!,
    commitMs: marks.committed! - marks.planned!,
    listMs: marks.listed! - marks.committed!,
    created: report.created,
    rows: summary.rowCount,
    invalidRows: analysis.invalidRows,
    groups: analysis.groups.length,
    stored,
    listed,
  };
};

export const importBench = { importPrepare, importDirect, importThroughWorker };
