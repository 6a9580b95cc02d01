// The claim, on both storage adapters: copy the database files and take a server backup before an
// erasure; after the erasure and the rotation that follows it, try with every remaining member's keys to
// open the erased person's documents from those copies: it fails.
//
// The copies are real bytes: for SQLite the database file and its write-ahead log copied while the server
// runs, and an online backup (better-sqlite3's backup API); for PostgreSQL a plain pg_dump of the test's
// schema and the raw relation files (heap, TOAST, indexes) from the data directory after a CHECKPOINT.
// Afterwards the live files are scanned too (SQLite as is, then checkpointed and vacuumed; PostgreSQL's
// relations vacuumed). PostgreSQL's write-ahead log is left out: it is shared by every database of the
// cluster, so what it holds and how long it keeps it depend on whatever else runs there. The thief (test/helpers/thief.ts) reads them as bytes. Positive controls first, so nothing passes for want
// of trying: with the keys a member held before the rotation it does open the person's data key, record
// and note from the same copies, and with the older page key it unlocks the rotation grant in the live
// copy. The person to erase is created alone: a small key page, stored inline and uncompressed.
//
// Needs read access to PostgreSQL's data directory and its pg_dump (PG_BIN), as root has.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadSodium } from '../../../shared/crypto/sodium';
import { eraseSubject } from '../../../shared/erasure';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { KluisDatabase } from '../../../shared/store/database';
import { fetchKeys } from '../../../shared/sync';
import { catchUpKeys, runKeyDuty } from '../../../shared/sync/rotation';
import type { Storage } from '../../../server/storage/types';
import { annelies, bram, zeeland } from '../../fixtures/people';
import { memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { rob, type Haul, type MemberKeys } from '../../helpers/thief';
import { ADAPTERS, POSTGRES_URL, type AdapterName, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { admin, join, keysOf, MEMBER_PASSPHRASE, ok, type Place } from './members';

const NOTE = { kind: 'test-note', version: 1, schema: z.object({ text: z.string() }) };
const NOTE_TEXT = 'Belde over de offerte, wil terugbellen';
/** Debian's PostgreSQL binaries (whatever major version this machine has), or PG_BIN when set. */
const PG_BIN =
  process.env.PG_BIN ??
  (existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .map((version) => path.join('/usr/lib/postgresql', version, 'bin'))
        .find((bin) => existsSync(path.join(bin, 'pg_dump')))
    : undefined) ??
  '/usr/bin';

interface Running {
  database: TestDatabase;
  storage: Storage;
  server: RunningServer;
  dbs: KluisDatabase[];
  scratch: string;
  closed: boolean;
}

let running: Running | undefined;
const cleanUp = async () => {
  const r = running;
  running = undefined;
  if (!r) return;
  await Promise.all(r.dbs.map((db) => db.remove()));
  if (!r.closed) {
    await r.server.close();
    await r.storage.close();
  }
  await r.database.destroy();
  rmSync(r.scratch, { recursive: true, force: true });
};

/** The members' place: this scenario's server, client databases removed at clean-up, the app's sync. */
const placeOf = (r: Running): Place => ({
  serverUrl: r.server.url,
  newDb: async () => {
    const db = await memoryDatabase();
    r.dbs.push(db);
    return db;
  },
  appSync: true,
});

const read = (file: string) => new Uint8Array(readFileSync(file));
const readIfThere = (file: string) => (existsSync(file) ? [read(file)] : []);

/** A copy of the medium: its name and its files as bytes. */
interface Copy {
  name: string;
  blobs: Uint8Array[];
}

/** The copies a thief could take of the server's storage now. */
const takeCopies = async (r: Running, adapter: AdapterName, when: string): Promise<Copy[]> => {
  if (adapter === 'sqlite') {
    const [file, wal] = r.database.files!();
    // The database files as they lie on disk while the server runs (a copy of the data directory).
    const files = { name: `${when}: database files`, blobs: [read(file!), ...readIfThere(wal!)] };
    // The server backup: SQLite's online backup, from a connection of its own.
    const target = path.join(r.scratch, `${when}-backup.sqlite`);
    const source = new Database(file!, { readonly: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return [files, { name: `${when}: server backup`, blobs: [read(target)] }];
  }
  const schema = r.database.schema!;
  const dump = execFileSync(path.join(PG_BIN, 'pg_dump'), ['--dbname', POSTGRES_URL, '--schema', schema], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return [
    { name: `${when}: pg_dump`, blobs: [new Uint8Array(dump)] },
    { name: `${when}: data directory`, blobs: await relationFiles(schema) },
  ];
};

/** The raw files of every relation of the schema (tables, their TOAST tables and all indexes). */
const relationFiles = async (schema: string): Promise<Uint8Array[]> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
    const dir = (await client.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!
      .data_directory;
    const { rows } = await client.query<{ file: string | null }>(
      `WITH own AS (
         SELECT c.oid, c.reltoastrelid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1
       ), rels AS (
         SELECT oid FROM own
         UNION SELECT reltoastrelid FROM own WHERE reltoastrelid <> 0
         UNION SELECT i.indexrelid FROM pg_index i JOIN own ON i.indrelid = own.reltoastrelid
       )
       SELECT pg_relation_filepath(oid) AS file FROM rels`,
      [schema],
    );
    const files = rows.flatMap((row) => (row.file ? [path.join(dir, row.file)] : []));
    expect(files.length).toBeGreaterThan(10);
    return files.flatMap((file) => {
      const segments = [file];
      for (let i = 1; existsSync(`${file}.${i}`); i++) segments.push(`${file}.${i}`);
      return segments.flatMap(readIfThere);
    });
  } finally {
    await client.end();
  }
};

/** The live storage after everything, as a thief who takes the machine gets it. */
const liveCopies = async (r: Running, adapter: AdapterName): Promise<Copy[]> => {
  if (adapter === 'sqlite') {
    const [file, wal] = r.database.files!();
    const asIs = { name: 'after: live database files', blobs: [read(file!), ...readIfThere(wal!)] };
    await r.server.close();
    await r.storage.close();
    r.closed = true;
    const db = new Database(file!);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return [
      asIs,
      {
        name: 'after: live database file, checkpointed and vacuumed',
        blobs: [read(file!), ...readIfThere(wal!)],
      },
    ];
  }
  const schema = r.database.schema!;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    for (const { name } of rows) await client.query(`VACUUM ${schema}.${name}`);
  } finally {
    await client.end();
  }
  return [{ name: 'after: data directory, vacuumed', blobs: await relationFiles(schema) }];
};

const nothing = (haul: Haul) => ({ dataKeys: haul.dataKeys, records: haul.records });

const scenario = async (adapter: AdapterName) => {
  const started = Date.now();
  const sodium = await loadSodium();
  const database = await ADAPTERS[adapter]();
  const storage = await database.open();
  await storage.migrate();
  const server = await startServer(storage);
  const r: Running = {
    database,
    storage,
    server,
    dbs: [],
    scratch: mkdtempSync(path.join(tmpdir(), 'kluis-residue-')),
    closed: false,
  };
  running = r;

  // The admin's device: the person to erase alone (one key page), a note about them, and others.
  const place = placeOf(r);
  let erased: { id: string; subjectId: string } | undefined;
  const a = await admin(place, 0, {
    seed: async (session) => {
      erased = await session.people.create(annelies);
      await session.items(NOTE).create(erased.id, { text: NOTE_TEXT });
      await session.people.createMany([bram, { ...bram, familyName: 'Jansen' }]);
      await session.organisations.create(zeeland);
    },
  });
  const m = await join(place, a);
  if (!erased) throw new Error('not seeded');
  await a.sync();
  await m.sync();
  expect((await m.session.people.get(erased.id)).data.familyName).toBe(annelies.familyName);
  const subjectId = erased.subjectId;
  const record = (await a.db.records.findOne(erased.id).exec())!;
  const realKey = Buffer.from(await a.session.dataKey(subjectId, record.keyId)).toString('hex');

  // Before: the copies, and the keys each member holds now.
  const before = await takeCopies(r, adapter, 'before');
  const keysBefore = { admin: keysOf(a), member: keysOf(m) };

  // The erasure, purged on both devices, and the rotation it schedules.
  const certificate = await eraseSubject(a.session, LOCAL_ACTOR, {
    subjectId,
    requestId: 'req-residue',
    ledger: a.erasures,
  });
  expect(certificate.ledger).toBe('recorded');
  await a.sync();
  await m.sync();
  expect(await m.db.records.findOne(erased.id).exec()).toBeNull();
  expect(ok(await fetchKeys(fetch, a.link)).due.map((d) => d.reason)).toContain('erasure');
  const epochBefore = keysBefore.admin.pageKeys[0]!.id;
  ok(await runKeyDuty(a.ctx));
  await a.sync();
  const finished = ok(await catchUpKeys(a.ctx));
  expect(finished.current?.epochId).not.toBe(epochBefore);
  expect(finished.current?.finishedAt).not.toBeNull();
  ok(await catchUpKeys(m.ctx));
  await m.sync();
  expect(ok(await catchUpKeys(m.ctx))).toMatchObject({
    heldEpochId: finished.current!.epochId,
    olderHeld: 0,
  });
  const final = ok(await catchUpKeys(a.ctx));
  expect(final).toMatchObject({ olderHeld: 0, due: [], pendingPages: 0 });
  expect(final.devicesBehind).toEqual([]);
  const refreshed = await a.erasures.refreshCertificate(subjectId);
  expect(refreshed.rotationFinishedAt).toEqual(expect.any(Number));

  // After: what every remaining member holds now (from the live sessions), and the live storage.
  const keysAfter = { admin: keysOf(a), member: keysOf(m) };
  for (const k of Object.values(keysAfter)) {
    expect(k.pageKeys.map((p) => p.id)).toEqual([finished.current!.epochId]);
  }
  const after = await liveCopies(r, adapter);
  const setupMs = Date.now() - started;
  return {
    sodium,
    subjectId,
    realKey,
    before,
    after,
    keysBefore,
    keysAfter,
    setupMs,
    epochBefore,
    epochAfter: finished.current!.epochId,
  };
};

type Scenario = Awaited<ReturnType<typeof scenario>>;

/** With KLUIS_RESIDUE_REPORT set, each run's figures are printed: what the thief found in each copy. */
const REPORT = process.env.KLUIS_RESIDUE_REPORT !== undefined;

const thief = (s: Scenario, log: string[]) => (copy: Copy, who: string, keys: MemberKeys) => {
  const t = Date.now();
  const haul = rob(s.sodium, copy.blobs, s.subjectId, keys);
  const ids = haul.foundKeyIds.map((id) =>
    id === s.epochBefore ? 'EPOCH-BEFORE' : id === s.epochAfter ? 'EPOCH-AFTER' : id.slice(0, 6),
  );
  log.push(
    `${copy.name} | ${who} | ${JSON.stringify(haul.figures)} | found keys [${ids.join(' ')}] | ` +
      `data keys ${haul.dataKeys.length}, records ${haul.records.length} | ${Date.now() - t} ms`,
  );
  return haul;
};

const MEMBERS = ['admin', 'member'] as const;

describe.each(['sqlite', 'postgres'] as const)('erasure residue: %s', (adapter) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario(adapter);
  }, 120_000);
  afterAll(cleanUp);

  it("no remaining member's keys open the erased person from copies taken before the erasure", () => {
    const log = [`${adapter}: scenario ${s.setupMs} ms`];
    const run = thief(s, log);
    try {
      // Positive control: the keys each member held before the rotation open the person's data key, their
      // record and the note about them from every copy taken before the erasure.
      for (const copy of s.before) {
        for (const who of MEMBERS) {
          const haul = run(copy, `${who}, keys before`, s.keysBefore[who]);
          const where = `${copy.name}, ${who}`;
          expect(haul.figures.subjectEntries, where).toBeGreaterThan(0);
          expect(haul.dataKeys, where).toEqual([s.realKey]);
          const plain = haul.records.map((x) => JSON.stringify(x.plain)).join('\n');
          expect(plain, where).toContain(annelies.familyName);
          expect(plain, where).toContain(NOTE_TEXT);
          // The organisation key sealed to the user opened: the bare sealed values are found.
          expect(haul.figures.boxesOpened, where).toBeGreaterThan(0);
        }
      }
      // Positive control of the grant path: in the live storage the member's older page key unlocks their
      // rotation grant, i.e. the newer page key (what a removed member could do). Were the erased entry
      // still on disk there, the older key would open it.
      for (const copy of s.after) {
        const haul = run(copy, 'member, keys before', s.keysBefore.member);
        expect(haul.foundKeyIds, copy.name).toContain(s.epochAfter);
        if (haul.figures.subjectEntries > 0) expect(haul.dataKeys, copy.name).toEqual([s.realKey]);
      }

      // The claim: every remaining member's keys after the rotation — the ring, the organisation key, the
      // user key pair — open nothing of the person, from any copy, before or after.
      for (const copy of [...s.before, ...s.after]) {
        for (const who of MEMBERS) {
          const haul = run(copy, `${who}, keys after`, s.keysAfter[who]);
          const where = `${copy.name}, ${who}`;
          expect(haul.figures.boxesOpened, where).toBeGreaterThan(0);
          expect(nothing(haul), where).toEqual({ dataKeys: [], records: [] });
        }
      }
    } finally {
      if (REPORT) console.log(log.join('\n'));
    }
  }, 60_000);

  // KNOWN GAP, reported, not fixed here (shared/ is not ours to change): what the server keeps for each
  // user holds `orgKeyBox` (vault/org-key-box.ts), sealed under the key-encryption key that the user's
  // passphrase yields, and it carries the page key of the epoch when it was sealed. A backup keeps that
  // box, so a remaining member who types their passphrase over the copied KDF material gets the older page
  // key back, and with it the erased person's data key. When this is fixed the test fails: drop `.fails`.
  it.fails(
    "nor does a remaining member's passphrase (the passphrase box keeps the older page key)",
    () => {
      const log = [`${adapter}: with the passphrase`];
      const run = thief(s, log);
      const hauls: Record<string, ReturnType<typeof nothing>> = {};
      for (const copy of s.before) {
        for (const who of MEMBERS) {
          const passphrase = who === 'admin' ? PASSPHRASE : MEMBER_PASSPHRASE;
          const haul = run(copy, `${who}, keys after + passphrase`, { ...s.keysAfter[who], passphrase });
          hauls[`${copy.name}, ${who}`] = nothing(haul);
        }
      }
      if (REPORT) console.log(log.join('\n'));
      for (const [where, haul] of Object.entries(hauls)) {
        expect(haul, where).toEqual({ dataKeys: [], records: [] });
      }
    },
    60_000,
  );
});
