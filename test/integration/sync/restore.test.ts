// A server restored from a backup, with real devices (real client code, real libsodium) on both storage
// adapters: SQLite through `restoreSqlite` (what --restore runs), PostgreSQL through pg_dump/pg_restore
// (on PATH) and `reapplyFromLedger` (what --reapply-erasures runs). A person erased after the backup does not come
// back on the server, and a device that still held them purges them; a device that synced after the
// backup is told 'server-restored' and pushes again what the server lost (a new person, a later edit).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app';
import { backupSqlite, DATABASE_FILE_NAME, isUnrestoredBackup } from '../../../server/backup';
import { ledgerFileIn, LedgerMissingError, openErasureLedgerFile } from '../../../server/erasure-ledger-file';
import { reapplyFromLedger, restoreSqlite } from '../../../server/restore';
import { openPostgresStorage } from '../../../server/storage/postgres';
import { openSqliteStorage } from '../../../server/storage/sqlite';
import type { Storage } from '../../../server/storage/types';
import { eraseSubject } from '../../../shared/erasure';
import type { KluisDatabase } from '../../../shared/store/database';
import type { ErasureStatusResponse } from '../../../shared/sync';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { annelies, bram } from '../../fixtures/people';
import { memoryDatabase } from '../../helpers/store';
import { POSTGRES_URL, type AdapterName } from '../server/adapters';
import { call, value } from '../server/harness';
import { admin, join, type Place } from './members';

/** One server's storage, data directory and process-level pieces, reopened across the restore. */
interface Office {
  adapter: AdapterName;
  dataDir: string;
  schema: string;
  storage: Storage;
  app: ReturnType<typeof createApp>;
  url: string;
  dbs: KluisDatabase[];
}

let office: Office | undefined;
let counter = 0;

const openStorage = async (o: Pick<Office, 'adapter' | 'dataDir' | 'schema'>): Promise<Storage> => {
  const storage =
    o.adapter === 'sqlite'
      ? openSqliteStorage(path.join(o.dataDir, DATABASE_FILE_NAME))
      : await openPostgresStorage({ connectionString: POSTGRES_URL, schema: o.schema });
  await storage.migrate();
  return storage;
};

/** Starts the server as main.ts does (the erasure ledger file in the data directory), on `port`. */
const serve = async (o: Omit<Office, 'app' | 'url'>, port = 0) => {
  const app = createApp({
    storage: o.storage,
    log: false,
    erasureLedger: openErasureLedgerFile(ledgerFileIn(o.dataDir)),
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  return { app, url };
};

const stop = async (o: Office) => {
  await o.app.close();
  await o.storage.close();
};

const psql = async (sql: string) => {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

afterEach(async () => {
  const o = office;
  office = undefined;
  if (!o) return;
  await Promise.all(o.dbs.map((db) => db.remove()));
  await stop(o).catch(() => undefined);
  if (o.adapter === 'postgres') await psql(`DROP SCHEMA IF EXISTS ${o.schema} CASCADE`);
  rmSync(o.dataDir, { recursive: true, force: true });
});

describe.each(['sqlite', 'postgres'] as const)('a server restored from a backup (%s)', (adapter) => {
  it('does not bring back a person erased after the backup, and devices re-push what the server lost', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kluis-restore-'));
    const schema = `kluis_restore_${process.pid}_${Date.now().toString(36)}_${counter++}`;
    const base = { adapter, dataDir, schema, dbs: [] as KluisDatabase[] };
    const storage = await openStorage(base);
    office = { ...base, storage, ...(await serve({ ...base, storage })) };
    const o = office;
    const place: Place = {
      serverUrl: o.url,
      newDb: async () => {
        const db = await memoryDatabase();
        o.dbs.push(db);
        return db;
      },
      appSync: true,
    };

    // The admin's device holds the person to erase and another; a member's device syncs both.
    let erased: { id: string; subjectId: string } | undefined;
    let kept: { id: string } | undefined;
    const a = await admin(place, 0, {
      seed: async (session) => {
        erased = await session.people.create(annelies);
        kept = await session.people.create(bram);
      },
    });
    const m = await join(place, a);
    expect((await m.session.people.get(erased!.id)).data.familyName).toBe(annelies.familyName);

    // The backup.
    const backupFile = path.join(dataDir, 'backup.sqlite');
    if (adapter === 'sqlite') backupSqlite(path.join(dataDir, DATABASE_FILE_NAME), backupFile);
    else
      execFileSync('pg_dump', [
        '--dbname',
        POSTGRES_URL,
        '--schema',
        schema,
        '--format=custom',
        '--file',
        backupFile,
      ]);

    // After it: the member adds a person and edits another, and syncs; then goes offline still holding
    // the person the admin erases next.
    const added = await m.session.people.create({ ...bram, familyName: 'Na de back-up' });
    await m.session.people.update(kept!.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
    await m.sync();
    const certificate = await eraseSubject(a.session, LOCAL_ACTOR, {
      subjectId: erased!.subjectId,
      requestId: 'req-restore',
      ledger: a.erasures,
    });
    expect(certificate.ledger).toBe('recorded');
    await a.sync();

    // The restore, with the server stopped.
    await stop(o);
    if (adapter === 'sqlite') {
      const report = await restoreSqlite({
        dataDir,
        file: backupFile,
        ledgerFile: ledgerFileIn(dataDir),
        ledgerFiles: [],
      });
      expect(report.reapplied.map((line) => line.subjectId)).toEqual([erased!.subjectId]);
    } else {
      await psql(`DROP SCHEMA ${schema} CASCADE`);
      execFileSync('pg_restore', ['--dbname', POSTGRES_URL, backupFile]);
      const restored = await openStorage(o);
      try {
        const report = await reapplyFromLedger(restored, {
          ledgerFile: ledgerFileIn(dataDir),
          ledgerFiles: [],
        });
        expect(report.reapplied.map((line) => line.subjectId)).toEqual([erased!.subjectId]);
      } finally {
        await restored.close();
      }
    }
    o.storage = await openStorage(o);
    Object.assign(o, await serve(o, Number(new URL(o.url).port)));

    // On the server: every document of the erased person is an erasure tombstone, the rest is there.
    const orgId = a.link.orgId;
    const records = (await o.storage.pull(orgId, 'records', 0, 1000)).docs.map(
      (d) => JSON.parse(d.doc) as { id: string; subjectId: string; payload: string; _deleted: boolean },
    );
    const ofErased = records.filter((d) => d.subjectId === erased!.subjectId);
    expect(ofErased.length).toBeGreaterThan(0);
    expect(ofErased.every((d) => d._deleted && d.payload === 'erased')).toBe(true);
    expect(records.some((d) => d.id === kept!.id && !d._deleted)).toBe(true);
    expect(records.some((d) => d.id === added.id)).toBe(false);

    // The member's device comes back: it purges the erased person and pushes what the server lost.
    await m.sync();
    expect(await m.db.records.findOne(erased!.id).exec()).toBeNull();
    await expect(m.session.people.get(erased!.id)).rejects.toThrow();
    await a.sync();
    expect((await a.session.people.get(added.id)).data.familyName).toBe('Na de back-up');
    expect((await a.session.people.get(kept!.id)).data.jobTitle).toBe('Directeur');
    await expect(a.session.people.get(erased!.id)).rejects.toThrow();

    // The erasure certificate lists the member's device again: it confirmed the re-issued order.
    const status = value(
      await call<ErasureStatusResponse>(o.url, 'GET', `/erasures/${erased!.subjectId}`, {
        token: a.link.token,
      }),
    );
    expect(status.confirmed.map((c) => c.deviceId)).toContain(m.link.deviceId);
    // And the person is still erased for the member after another round.
    await m.sync();
    expect(await m.db.records.findOne(erased!.id).exec()).toBeNull();
  });
});

describe('a restore without its erasure ledger', () => {
  it('is refused, naming the expected file, unless noLedger says to go on without one', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kluis-restore-'));
    try {
      const storage = openSqliteStorage(path.join(dataDir, DATABASE_FILE_NAME));
      await storage.migrate();
      await storage.close();
      const backupFile = path.join(dataDir, 'backup.sqlite');
      backupSqlite(path.join(dataDir, DATABASE_FILE_NAME), backupFile);
      const ledgerFile = path.join(dataDir, 'elsewhere.jsonl');
      const options = { dataDir, file: backupFile, ledgerFile, ledgerFiles: [] };
      await expect(restoreSqlite(options)).rejects.toThrow(LedgerMissingError);
      await expect(restoreSqlite(options)).rejects.toThrow(`No erasure ledger at ${ledgerFile}`);
      await expect(restoreSqlite({ ...options, ledgerFiles: [ledgerFile], noLedger: true })).rejects.toThrow(
        'either --ledger FILE or --no-ledger',
      );
      expect(isUnrestoredBackup(path.join(dataDir, DATABASE_FILE_NAME))).toBe(false);
      expect(isUnrestoredBackup(backupFile)).toBe(true);
      const report = await restoreSqlite({ ...options, noLedger: true });
      expect(report.reapplied).toEqual([]);
      // The restored database no longer carries the backup marker: the server serves it.
      expect(isUnrestoredBackup(path.join(dataDir, DATABASE_FILE_NAME))).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
