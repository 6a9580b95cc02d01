// `npm run server -- --backup FILE` and `--restore FILE` as an administrator runs them: the esbuild
// bundle in processes of its own, against a server process that keeps running during the backup. The
// backup is a consistent copy; a restore refuses while a server holds the data directory, refuses a
// file that is not a whole backup (naming it) without touching what is stored, and puts the backup's
// data back with the devices that synced after it told so ('server-restored').
import { spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, createOrganisation, erasureOrder, newId, personRecord, value } from './harness';
import {
  BUNDLE,
  runServerCommand,
  startServerProcess,
  stopServerProcess,
  useBuiltServer,
} from './server-process';

const start = startServerProcess;
const stop = stopServerProcess;
const run = runServerCommand;

/** Starts the server expecting a refusal: killed after 20 s if it serves instead (status null). */
const startRefused = (dataDir: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BUNDLE], {
    env: { ...process.env, PORT: '0', KLUIS_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });

const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

type Pulled = { documents: { id: string }[]; checkpoint: number };
const pullIds = async (url: string, token: string) =>
  value(await call<Pulled>(url, 'GET', '/sync/records/pull?limit=1000', { token }));

/** A data directory with one organisation and one record, backed up to `backupFile`, server stopped. */
const backedUp = async (dataDir: string, backupFile: string, env: Record<string, string> = {}) => {
  const server = await start(dataDir, env);
  try {
    const admin = await createOrganisation(server.url);
    value(
      await call(server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: await personRecord({}) }],
      }),
    );
    const backup = run(dataDir, ['--backup', backupFile], env);
    expect(backup.status, backup.stderr).toBe(0);
    return { admin, server };
  } catch (error) {
    await stop(server.child);
    throw error;
  }
};

describe('server backup and restore (the CLI)', () => {
  const scratch = useBuiltServer('kluis-backup-');

  it('lists --backup, --restore, --reapply-erasures and --ledger in --help', () => {
    const help = run(scratch(), ['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--backup FILE', '--restore FILE', '--reapply-erasures', '--ledger FILE'])
      expect(help.stdout).toContain(flag);
  });

  it('backs up while the server runs, refuses to restore under it, and restores once it stopped', async () => {
    const dataDir = scratch('office');
    const backupFile = scratch('office-backup.sqlite');
    const first = await start(dataDir);
    let second: { child: ChildProcess; url: string } | undefined;
    try {
      const admin = await createOrganisation(first.url);
      const before = await personRecord({ note: 'before the backup' });
      value(
        await call(first.url, 'POST', '/sync/records/push', {
          token: admin.token,
          body: [{ newDocumentState: before }],
        }),
      );

      const backup = run(dataDir, ['--backup', backupFile]);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`Backup written to ${backupFile}`);
      expect(existsSync(backupFile)).toBe(true);
      // Owner-only, whatever the umask: it holds every organisation's stored data.
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);

      const after = await personRecord({ note: 'after the backup' });
      value(
        await call(first.url, 'POST', '/sync/records/push', {
          token: admin.token,
          body: [{ newDocumentState: after }],
        }),
      );
      const lost = await pullIds(first.url, admin.token);
      expect(lost.documents.map((d) => d.id)).toEqual([before.id, after.id]);

      // While the server runs: refused, with the reason, and the server's data untouched.
      const refused = run(dataDir, ['--restore', backupFile]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`is using ${dataDir}: stop it, then restore`);
      expect((await pullIds(first.url, admin.token)).documents).toHaveLength(2);

      await stop(first.child);
      const restored = run(dataDir, ['--restore', backupFile]);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('0 erasure orders made after the backup');

      second = await start(dataDir);
      // The backup's data is back; the push after it is not, and the device that saw it is told.
      expect((await pullIds(second.url, admin.token)).documents.map((d) => d.id)).toEqual([before.id]);
      expect(
        await call(second.url, 'GET', `/sync/records/pull?checkpoint=${lost.checkpoint}`, {
          token: admin.token,
        }),
      ).toEqual({ status: 409, body: { ok: false, error: 'server-restored' } });
      // A device that synced before the backup pulls on as before.
      expect(
        await call(second.url, 'GET', '/sync/records/pull?checkpoint=1', { token: admin.token }),
      ).toMatchObject({ status: 200 });
    } finally {
      if (second) await stop(second.child);
      if (first.child.exitCode === null) await stop(first.child);
    }
  });

  it('refuses a file that is not a whole backup, naming it, and touches nothing stored', async () => {
    const dataDir = scratch('refusals');
    const server = await start(dataDir);
    const admin = await createOrganisation(server.url);
    value(
      await call(server.url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: await personRecord({}) }],
      }),
    );
    const good = scratch('good.sqlite');
    expect(run(dataDir, ['--backup', good]).status).toBe(0);
    await stop(server.child);
    const database = path.join(dataDir, 'kluis.sqlite');
    const stored = hash(database);

    const text = scratch('notes.txt');
    writeFileSync(text, 'not a database\n');
    const plain = scratch('plain.sqlite');
    copyFileSync(database, plain); // a Kluis database, but not made by --backup
    const cut = scratch('cut.sqlite');
    copyFileSync(good, cut);
    truncateSync(cut, 4096);
    const missing = scratch('missing.sqlite');
    for (const [file, why] of [
      [text, 'not an SQLite database file'],
      [plain, 'not a Kluis backup (make one with --backup)'],
      [cut, 'Cannot restore from'],
      [missing, 'the file does not exist'],
    ] as const) {
      const refused = run(dataDir, ['--restore', file]);
      expect(refused.status, `${file}: ${refused.stdout}`).toBe(1);
      expect(refused.stderr).toContain(`Cannot restore from ${file}: `);
      expect(refused.stderr).toContain(why);
      expect(hash(database)).toBe(stored);
    }
    // A good backup with a ledger file that is not one: refused before anything is replaced.
    const ledger = scratch('ledger.jsonl');
    writeFileSync(ledger, '{"v":1,"orgId":"x"}\n');
    const badLedger = run(dataDir, ['--restore', good, '--ledger', ledger]);
    expect(badLedger.status).toBe(1);
    expect(badLedger.stderr).toContain(`Erasure ledger ${ledger}, line 1: not an erasure order`);
    expect(hash(database)).toBe(stored);
    // The data directory holds what it held: no staging file, no replaced copy.
    expect(existsSync(`${database}.restoring`)).toBe(false);
    const again = await start(dataDir);
    try {
      expect((await pullIds(again.url, admin.token)).documents).toHaveLength(1);
    } finally {
      await stop(again.child);
    }
  });

  it('refuses --restore and --reapply-erasures without an erasure ledger; --no-ledger goes on, warning', async () => {
    const dataDir = scratch('lost-ledger');
    const backupFile = scratch('lost-ledger.sqlite');
    const { server } = await backedUp(dataDir, backupFile);
    const ledger = path.join(dataDir, 'erasure-ledger.jsonl');
    // The server made the ledger at start, before any erasure: a missing one was lost, not empty.
    expect(existsSync(ledger)).toBe(true);
    await stop(server.child);
    rmSync(ledger);
    const database = path.join(dataDir, 'kluis.sqlite');
    const stored = hash(database);

    for (const args of [['--restore', backupFile], ['--reapply-erasures']]) {
      const refused = run(dataDir, args);
      expect(refused.status, refused.stdout).toBe(2);
      expect(refused.stderr).toContain(`No erasure ledger at ${ledger}`);
      expect(refused.stderr).toContain('people erased after the backup would come back');
      expect(refused.stderr).toContain('--no-ledger');
      expect(refused.stdout).not.toContain('erasure orders');
      expect(hash(database)).toBe(stored);
    }

    const restored = run(dataDir, ['--restore', backupFile, '--no-ledger']);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stderr).toContain('WARNING: --no-ledger');
    expect(restored.stderr).toContain('People erased after the backup may come back');
    expect(restored.stdout).toContain(`Restored ${database}`);
  });

  it('keeps the erasure ledger where KLUIS_ERASURE_LEDGER says, for the server and the restore', async () => {
    const dataDir = scratch('ledger-elsewhere');
    const otherDisk = scratch('other-disk');
    mkdirSync(otherDisk);
    const ledger = path.join(otherDisk, 'kluis-erasures.jsonl');
    const env = { KLUIS_ERASURE_LEDGER: ledger };
    const backupFile = scratch('ledger-elsewhere.sqlite');
    const { admin, server } = await backedUp(dataDir, backupFile, env);
    const subjectId = newId();
    try {
      value(
        await call(server.url, 'POST', '/erasures', {
          token: admin.token,
          body: erasureOrder(admin.signing, admin.orgId, subjectId, newId()),
        }),
      );
    } finally {
      await stop(server.child);
    }
    expect(existsSync(path.join(dataDir, 'erasure-ledger.jsonl'))).toBe(false);
    expect(readFileSync(ledger, 'utf8')).toContain(subjectId);
    expect(statSync(ledger).mode & 0o777).toBe(0o600);

    // Without the setting the restore looks in the data directory, finds nothing and refuses.
    expect(run(dataDir, ['--restore', backupFile]).status).toBe(2);
    const restored = run(dataDir, ['--restore', backupFile], env);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('1 erasure order made after the backup re-applied');
    expect(run(dataDir, ['--help']).stdout).toContain('KLUIS_ERASURE_LEDGER');

    // A ledger in a folder that does not exist: the server refuses to start without losing orders.
    const nowhere = startRefused(dataDir, {
      KLUIS_ERASURE_LEDGER: scratch('no-such-disk', 'l.jsonl'),
    });
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('Cannot open the erasure ledger');
  });

  it('refuses to serve a backup copied into place by hand, and serves it once --restore put it there', async () => {
    const dataDir = scratch('by-hand');
    const backupFile = scratch('by-hand.sqlite');
    const { admin, server } = await backedUp(dataDir, backupFile);
    await stop(server.child);
    const database = path.join(dataDir, 'kluis.sqlite');
    for (const suffix of ['-wal', '-shm']) rmSync(database + suffix, { force: true });
    copyFileSync(backupFile, database);

    const refused = startRefused(dataDir);
    expect(refused.status, refused.stdout).toBe(2);
    expect(refused.stderr).toContain(
      'this database is a backup copied into place by hand: run --restore FILE instead',
    );
    expect(refused.stdout).not.toContain('Server listening');
    expect(hash(database)).toBe(hash(backupFile));

    rmSync(database);
    const restored = run(dataDir, ['--restore', backupFile]);
    expect(restored.status, restored.stderr).toBe(0);
    const again = await start(dataDir);
    try {
      expect((await pullIds(again.url, admin.token)).documents).toHaveLength(1);
    } finally {
      await stop(again.child);
    }
  });

  it('says to use pg_dump and pg_restore with DATABASE_URL instead of copying anything', () => {
    const target = scratch('pg-backup.sqlite');
    for (const args of [
      ['--backup', target],
      ['--restore', target],
    ]) {
      const refused = run(scratch(), args, { DATABASE_URL: 'postgres://kluis@127.0.0.1:5432/kluis' });
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('pg_dump --format=custom');
      expect(refused.stderr).toContain('--reapply-erasures');
    }
    expect(existsSync(target)).toBe(false);
  });
});
