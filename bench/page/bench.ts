// The benchmark page: the real shared/ code (RxDB on Dexie/IndexedDB, libsodium, the Directory) driven by
// bench/run.mjs through `globalThis.kluisBench`. Every timing is taken here with performance.now(), so
// the Playwright round trips are not part of any figure. Progress goes to the console, which the runner
// prints. Written without DOM-only globals, so it type-checks under both tsconfigs that include it.
import Dexie from 'dexie';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { Directory } from '../../shared/directory/directory';
import { SNAPSHOT_ID } from '../../shared/directory/snapshot';
import { DataKeys } from '../../shared/store/data-keys';
import { IMPORT_CHUNK, recordAddress } from '../../shared/store/subject-repository';
import type { PersonInput } from '../../shared/people/person';
import { createRxDatabase, getChangedDocumentsSince } from 'rxdb';
import { openKluisDatabase, type KluisDatabase } from '../../shared/store/database';
import { Vault } from '../../shared/vault/vault';
import type { Session } from '../../shared/vault/session';
import { newId } from '../../shared/crypto';
import { recordSchema, type KeyDoc, type RecordDoc } from '../../shared/store/schemas';
import { generatePeople } from '../people-generator';
import { importBench } from './import-bench';

const DB_NAME = 'kluis-bench';
const RAW_DB_NAME = 'kluis-bench-raw';
/** The product's import chunk (SubjectRepository.createMany's default); the yardstick uses the same. */
const CHUNK = IMPORT_CHUNK;

const now = (): number => performance.now();
const log = (message: string): void => console.log(`[bench] ${message}`);

let people: PersonInput[] = [];
let db: KluisDatabase | undefined;
let session: Session | undefined;
let directory: Directory | undefined;

/** As the renderer opens it (renderer/platform/storage.ts: multiInstance), unless the runner says otherwise. */
let multiInstance = true;
const openDb = () => openKluisDatabase({ storage: getRxStorageDexie(), name: DB_NAME, multiInstance });

const progressLogger = (label: string, total: number) => {
  let next = 10_000;
  return ({ done }: { done: number }) => {
    while (done >= next) {
      log(`${label} ${next.toLocaleString('en')}/${total.toLocaleString('en')}`);
      next += 10_000;
    }
  };
};

const timer = (): number => {
  // Chromium coarsens performance.now() to 100 µs unless the page is cross-origin isolated (5 µs).
  let smallest = Infinity;
  let last = now();
  for (let i = 0; i < 10_000; i++) {
    const t = now();
    if (t > last) smallest = Math.min(smallest, t - last);
    last = t;
  }
  return smallest;
};

/** Generates the people once per page, before anything is timed. */
const prepare = ({ count, seed, multi = true }: { count: number; seed: number; multi?: boolean }) => {
  multiInstance = multi;
  const start = now();
  people = generatePeople(count, seed);
  return {
    people: people.length,
    generateMs: now() - start,
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    timerResolutionMs: timer(),
  };
};

/** The yardstick: plaintext rows into a plain Dexie table (primary key only), in the product's chunks. */
const rawInsert = async () => {
  const raw = new Dexie(RAW_DB_NAME);
  raw.version(1).stores({ people: 'id' });
  await raw.open();
  const table = raw.table('people');
  const rows = people.map((person, i) => ({ id: `p${i}`, ...person }));
  const start = now();
  for (let at = 0; at < rows.length; at += CHUNK) await table.bulkPut(rows.slice(at, at + CHUNK));
  const ms = now() - start;
  const stored = await table.count();
  raw.close();
  await Dexie.delete(RAW_DB_NAME);
  return { ms, stored, chunk: CHUNK };
};

/** Opens the database and its vault, timed. */
const openVault = async () => {
  const start = now();
  db = await openDb();
  const vault = await Vault.open(db);
  return { vault, openMs: now() - start };
};

/** The product path: a new vault, then SubjectRepository.createMany of every person. */
const encryptedInsert = async ({ passphrase }: { passphrase: string }) => {
  const { vault, openMs } = await openVault();
  let start = now();
  session = await vault.create(passphrase);
  const createVaultMs = now() - start;

  start = now();
  const created = await session.people.createMany(people, {
    onProgress: progressLogger('insert', people.length),
  });
  const ms = now() - start;
  const stored = await session.people.count();
  return { ms, created: created.length, stored, openMs, createVaultMs };
};

/** After the import: the first directory build (decrypts everything) and the snapshot written on close. */
const buildSnapshot = async () => {
  if (!session || !db) throw new Error('insert first');
  let start = now();
  const dir = await Directory.load(session, {
    onProgress: progressLogger('directory build (decrypt all)', people.length),
  });
  await dir.settle(); // load() resolves at the first page; the rest is read in the background
  const loadMs = now() - start;
  const rows = dir.people().length;
  start = now();
  await dir.close();
  const snapshotWriteMs = now() - start;
  const snapshot = await db.vault.findOne(SNAPSHOT_ID).exec();
  session.lock();
  await db.close();
  db = undefined;
  session = undefined;
  return { loadMs, rows, snapshotWriteMs, snapshotChars: snapshot?.payload.length ?? 0 };
};

/** Removes the directory snapshot, for the cold unlock measured after the next reload. */
const dropSnapshot = async ({ multi = true }: { multi?: boolean }) => {
  multiInstance = multi;
  const local = await openDb();
  const doc = await local.vault.findOne(SNAPSHOT_ID).exec();
  if (!doc) throw new Error('no snapshot to drop');
  await doc.remove();
  await local.close();
  return { dropped: true };
};

const whenIndexed = (dir: Directory): Promise<void> =>
  new Promise((resolve) => {
    if (dir.isIndexed) return resolve();
    const stop = dir.subscribe(() => {
      if (!dir.isIndexed) return;
      stop();
      resolve();
    });
  });

/** Unlock to first list, on a freshly loaded page: Argon2id, snapshot (or decrypt all), first 50 rows. */
const unlock = async ({
  passphrase,
  multi = true,
  split = false,
}: {
  passphrase: string;
  multi?: boolean;
  split?: boolean;
}) => {
  multiInstance = multi;
  const { vault, openMs } = await openVault();

  const start = now();
  session = await vault.unlock(passphrase);
  const kdfMs = now() - start;
  directory = await Directory.load(session);
  const first = directory.people().slice(0, 50);
  const firstListMs = now() - start;
  if (!first.length) throw new Error('the list is empty');
  await whenIndexed(directory);
  const indexedMs = now() - start;
  return {
    openMs,
    kdfMs,
    firstListMs,
    indexedMs,
    rows: directory.people().length,
    firstRow: first[0]?.displayName ?? '',
    snapshot: await snapshotSplit(),
    ...(split && { coldSplit: await coldSplit() }),
  };
};

/** Where the snapshot path's time goes (its head and first page: the first screen), re-done after the timed unlock. */
const snapshotSplit = async () => {
  if (!db || !session) throw new Error('unlock first');
  const ids = [SNAPSHOT_ID, `${SNAPSHOT_ID}:0`];
  let start = now();
  const docs = await db.vault.storageInstance.findDocumentsById(ids, false);
  const readMs = now() - start;
  if (!docs.length) return null;
  let decryptMs = 0;
  let parseMs = 0;
  let bytes = 0;
  for (const doc of docs) {
    start = now();
    const plain = session.cipher.openBytes(doc.payload, session.orgKey, {
      collection: 'vault',
      id: doc.id,
      keyId: session.orgKeyId,
    });
    decryptMs += now() - start;
    start = now();
    JSON.parse(new TextDecoder().decode(plain));
    parseMs += now() - start;
    bytes += plain.length;
  }
  return { readMs, decryptMs, parseMs, megabytes: bytes / 1e6 };
};

/** Times labelled steps: `time(label, work)` runs the work and records its milliseconds in `out`. */
const stopwatch = () => {
  const out: Record<string, number> = {};
  const time = async <T>(label: string, work: () => T | Promise<T>): Promise<T> => {
    const start = now();
    const result = await work();
    out[label] = now() - start;
    return result;
  };
  return { out, time };
};

/**
 * BENCH_PHASES=1: the cold path's parts, re-done after the timed unlock on the same page: reading every
 * record by checkpoint, reading and unwrapping every data key, decrypting every record, validating it.
 */
const coldSplit = async () => {
  if (!db || !session) throw new Error('unlock first');
  const { out, time } = stopwatch();
  const records = await time('read records (getChangedDocumentsSince, 5000 a batch)', async () => {
    const all: RecordDoc[] = [];
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(db!.records.storageInstance, 5000, checkpoint);
      all.push(...(page.documents as unknown as RecordDoc[]));
      checkpoint = page.checkpoint;
      if (page.documents.length < 5000) return all;
    }
  });
  const pages = await time('read data key pages (findDocumentsById)', async () => {
    const ids = [...new Set(records.map((r) => r.keyId))];
    const docs = (await db!.keys.storageInstance.findDocumentsById(ids, false)) as unknown as KeyDoc[];
    return new Map(
      docs.map((d) => [d.id, { keyId: d.keyId, entries: JSON.parse(d.payload) as Record<string, string> }]),
    );
  });
  const cipher = session.cipher;
  const orgKey = session.orgKey;
  const keyOf = await time('unwrap data keys', () => {
    const out = new Map<string, Uint8Array>();
    for (const r of records) {
      const page = pages.get(r.keyId)!;
      out.set(
        r.subjectId,
        cipher.openBytes(page.entries[r.subjectId]!, orgKey, {
          collection: 'keys',
          id: r.subjectId,
          keyId: page.keyId,
        }),
      );
    }
    return out;
  });
  const plain = await time('decrypt records (openJson)', () =>
    records.map((r) =>
      cipher.openJson(r.payload, keyOf.get(r.subjectId)!, recordAddress(r.id, r.subjectId, r.keyId)),
    ),
  );
  await time('validate records (zod)', () => plain.map((p) => session!.people.validate(p as PersonInput)));
  return out;
};
/** Every prefix of every query, as typed; each keystroke is one searchPeople call. */
const search = ({ queries, repetitions }: { queries: string[]; repetitions: number }) => {
  const dir = directory;
  if (!dir?.isIndexed) throw new Error('unlock and index first');
  const keystrokes = queries.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)));
  const samples: number[] = [];
  let totalHits = 0;
  let firstKeystrokeMs = 0;
  let slowest = { query: '', ms: 0 };
  for (let r = 0; r < repetitions; r++) {
    for (const prefix of keystrokes) {
      const start = now();
      const hits = dir.searchPeople(prefix).length;
      const ms = now() - start;
      totalHits += hits;
      if (!samples.length) firstKeystrokeMs = ms;
      samples.push(ms);
      if (ms > slowest.ms) slowest = { query: prefix, ms };
    }
  }
  const hitsPerQuery = Object.fromEntries(queries.map((q) => [q, dir.searchPeople(q).length]));
  return { samples, keystrokes: keystrokes.length, firstKeystrokeMs, slowest, hitsPerQuery, totalHits };
};

const close = async () => {
  await directory?.close();
  session?.lock();
  await db?.close();
  directory = undefined;
  session = undefined;
  db = undefined;
  return { closed: true };
};

/** The write steps BENCH_PHASES=1 measures, each in a fresh browser profile of its own. */
const PHASE_WRITES = [
  'rxdb keys',
  'rxdb records',
  'raw dexie keys',
  'raw dexie records',
  'what-if: rxdb records without the two schema indexes',
  'what-if: rxdb keys + records with time-ordered ids',
] as const;
type PhaseWrite = (typeof PHASE_WRITES)[number] | 'none';

/** 128-bit ids whose first 80 bits are the time and a counter, so IndexedDB appends instead of scattering. */
const orderedIds = (count: number): string[] => {
  const time = Date.now().toString(16).padStart(12, '0');
  return Array.from({ length: count }, (_, i) => time + i.toString(16).padStart(8, '0') + newId().slice(20));
};

/**
 * Diagnostics (BENCH_PHASES=1): the import split into its phases, each run alone over all people:
 * validate, encrypt (ids, data keys, records), then one write step (PHASE_WRITES) of those envelopes,
 * through RxDB as the product does (keys, then records, in the product's chunks, without pipelining) or
 * through plain Dexie, or a what-if variant of the store. The product pipelines encryption with the
 * writes, so its time is a little less than the sum.
 */
const phases = async ({ passphrase, write }: { passphrase: string; write: PhaseWrite }) => {
  const pdb = await openKluisDatabase({
    storage: getRxStorageDexie(),
    name: `${DB_NAME}-phases`,
    multiInstance,
  });
  const s = await (await Vault.open(pdb)).create(passphrase);
  const { out, time } = stopwatch();

  const payloads = await time('validate', () => people.map((p) => s.people.validate(p)));
  await time('encrypt: of which JSON.stringify', () => payloads.map((p) => JSON.stringify(p)).length);
  const ordered = write.includes('time-ordered');
  const ids = await time('encrypt: ids', () =>
    ordered ? orderedIds(payloads.length) : payloads.map(() => newId()),
  );
  const dataKeys = new DataKeys(pdb, s.cipher, () => s.pageKeys);
  // One key page per import chunk, as createMany does.
  const pageOf: string[] = [];
  const keyed = await time('encrypt: data keys (random + wrap, one page a chunk)', () => {
    const keys = new Map<string, Uint8Array>();
    const docs: KeyDoc[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const page = dataKeys.createPage(ids.slice(i, i + CHUNK));
      docs.push(page.doc);
      for (const [id, key] of page.keys) {
        keys.set(id, key);
        pageOf.push(page.doc.id);
      }
    }
    return { keys, docs };
  });
  const updatedAt = Date.now();
  const records = await time('encrypt: records (sealJson)', () =>
    payloads.map((data, i): RecordDoc => ({
      id: ids[i]!,
      kind: 'person',
      subjectId: ids[i]!,
      keyId: pageOf[i]!,
      v: 1,
      payload: s.cipher.sealJson(data, keyed.keys.get(ids[i]!)!, recordAddress(ids[i]!, ids[i]!, pageOf[i]!)),
      updatedAt,
    })),
  );
  const keyDocs: KeyDoc[] = keyed.docs;
  s.lock();
  const chunks = <T>(rows: readonly T[]) =>
    Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
  const rxdbWrite = async (target: KluisDatabase, what: 'keys' | 'records' | 'both') => {
    for (let c = 0; c * CHUNK < records.length; c++) {
      if (what !== 'records') await target.keys.bulkInsert(keyDocs.slice(c, c + 1));
      if (what !== 'keys') await target.records.bulkInsert(records.slice(c * CHUNK, (c + 1) * CHUNK));
    }
  };
  const label = `write: ${write}`;

  if (write === 'rxdb keys') await time(label, () => rxdbWrite(pdb, 'keys'));
  if (write === 'rxdb records') await time(label, () => rxdbWrite(pdb, 'records'));
  if (write.startsWith('what-if: rxdb keys + records')) await time(label, () => rxdbWrite(pdb, 'both'));
  if (write.startsWith('what-if: rxdb records without')) {
    const variant = (await createRxDatabase({
      name: `${DB_NAME}-what-if`,
      storage: getRxStorageDexie(),
      multiInstance,
    })) as unknown as KluisDatabase;
    await variant.addCollections({ records: { schema: { ...recordSchema, indexes: [] } } });
    await time(label, () => rxdbWrite(variant, 'records'));
    await variant.remove();
  }
  if (write.startsWith('raw dexie')) {
    const raw = new Dexie(`${RAW_DB_NAME}-envelopes`);
    raw.version(1).stores({ keys: 'id', records: 'id' });
    await raw.open();
    const table = raw.table(write === 'raw dexie keys' ? 'keys' : 'records');
    await time(label, async () => {
      for (const chunk of chunks(write === 'raw dexie keys' ? keyDocs : records)) await table.bulkPut(chunk);
    });
    raw.close();
  }
  await pdb.close();
  return out;
};

const api = {
  prepare,
  rawInsert,
  encryptedInsert,
  buildSnapshot,
  dropSnapshot,
  unlock,
  search,
  close,
  phases,
  phaseWrites: () => [...PHASE_WRITES, 'none'],
  ...importBench,
};

export type KluisBench = typeof api;

(globalThis as unknown as { kluisBench: KluisBench }).kluisBench = api;
log('ready');
