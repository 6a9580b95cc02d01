// The maintenance commands of `npm run server`: --backup FILE, --restore FILE and --reapply-erasures
// (with --ledger FILE, repeatable, or --no-ledger). Each runs instead of the server and returns its exit code.
import path from 'node:path';
import { backupSqlite, BackupFileError, DATABASE_FILE_NAME } from './backup';
import type { ServerConfig } from './config';
import { lockDataDir } from './data-lock';
import { LedgerFileError, LedgerMissingError } from './erasure-ledger-file';
import { reapplyFromLedger, restoreSqlite, RestoreRefusedError, type ReapplyReport } from './restore';
import { openPostgresStorage } from './storage/postgres';
import { openSqliteStorage } from './storage/sqlite';

export const MAINTENANCE_FLAGS = ['--backup', '--restore', '--reapply-erasures'] as const;

const POSTGRES_BACKUP =
  'With DATABASE_URL the data is in PostgreSQL: back it up with\n' +
  '  pg_dump --format=custom --file=FILE "$DATABASE_URL"\n' +
  'and restore it with pg_restore, then `npm run server -- --reapply-erasures` ' +
  '(README.md, "Backup and restore").\n';

type Out = { out(text: string): void; err(text: string): void };

/** The value after a flag, or an error naming the flag; undefined when the flag is absent. */
const valueOf = (argv: readonly string[], flag: string): string | undefined | Error => {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  return value === undefined || value.startsWith('--')
    ? new Error(`${flag} needs a file: npm run server -- ${flag} FILE`)
    : value;
};

const ledgerFiles = (argv: readonly string[], cwd: string): string[] =>
  argv.flatMap((arg, i) => (arg === '--ledger' && argv[i + 1] ? [path.resolve(cwd, argv[i + 1]!)] : []));

const NO_LEDGER_WARNING =
  'WARNING: --no-ledger: no erasure ledger read, so no erasure order is re-applied. People erased after ' +
  'the backup may come back: erase them again.\n';

const describeReapply = (report: ReapplyReport): string =>
  `${report.reapplied.length} erasure order${report.reapplied.length === 1 ? '' : 's'} made after the backup ` +
  're-applied and issued again; devices purge those people at their next sync.\n' +
  report.marks
    .map(
      (m) =>
        `organisation ${m.orgId}: sequence ${m.backupSeq} in the backup, resumes at ${m.resumedSeq}; devices ` +
        'that synced after the backup push again what the server lost.\n',
    )
    .join('');

/** Runs the maintenance command argv names; null when it names none (the server starts). */
export const runMaintenance = async (
  argv: readonly string[],
  config: ServerConfig,
  cwd: string,
  io: Out,
): Promise<number | null> => {
  const given = MAINTENANCE_FLAGS.filter((flag) => argv.includes(flag));
  if (given.length === 0) return null;
  if (given.length > 1) {
    io.err(`Give one of ${MAINTENANCE_FLAGS.join(', ')} at a time.\n`);
    return 2;
  }
  const backup = valueOf(argv, '--backup');
  const restore = valueOf(argv, '--restore');
  for (const v of [backup, restore])
    if (v instanceof Error) {
      io.err(`${v.message}\n`);
      return 2;
    }
  const ledgers = {
    ledgerFile: config.erasureLedger,
    ledgerFiles: ledgerFiles(argv, cwd),
    noLedger: argv.includes('--no-ledger'),
  };
  const { dataDir, databaseUrl } = config;
  try {
    if (typeof backup === 'string') {
      if (databaseUrl) {
        io.err(`--backup copies the embedded SQLite database. ${POSTGRES_BACKUP}`);
        return 2;
      }
      const target = path.resolve(cwd, backup);
      const moment = backupSqlite(path.join(dataDir, DATABASE_FILE_NAME), target);
      io.out(
        `Backup written to ${target} at ${new Date(moment.takenAt).toISOString()} (sequences: ${
          Object.entries(moment.sequences)
            .map(([org, seq]) => `${org} ${seq}`)
            .join(', ') || 'no organisation yet'
        }).\nKeep ${config.erasureLedger} apart from it: a restore re-applies it.\n`,
      );
      return 0;
    }
    if (typeof restore === 'string') {
      if (databaseUrl) {
        io.err(`--restore replaces the embedded SQLite database. ${POSTGRES_BACKUP}`);
        return 2;
      }
      const report = await restoreSqlite({ ...ledgers, dataDir, file: path.resolve(cwd, restore) });
      if (ledgers.noLedger) io.err(NO_LEDGER_WARNING);
      io.out(
        `Restored ${path.join(dataDir, DATABASE_FILE_NAME)} from the backup of ${new Date(
          report.moment.takenAt,
        ).toISOString()}.\n${describeReapply(report)}` +
          (report.replaced
            ? `The database it replaced is kept as ${report.replaced}; delete it once the restore is checked.\n`
            : ''),
      );
      return 0;
    }
    // PostgreSQL's instances may run elsewhere: README says to stop them all first.
    const lock = databaseUrl ? null : lockDataDir(dataDir);
    if (lock && !lock.ok)
      throw new RestoreRefusedError(
        `A Kluis server (process ${lock.heldBy}) is using ${dataDir}: stop it first. Nothing was changed.`,
      );
    const storage = databaseUrl
      ? await openPostgresStorage({ connectionString: databaseUrl })
      : openSqliteStorage(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      await storage.migrate();
      const report = await reapplyFromLedger(storage, ledgers);
      if (ledgers.noLedger) io.err(NO_LEDGER_WARNING);
      io.out(describeReapply(report));
    } finally {
      await storage.close();
      if (lock?.ok) lock.release();
    }
    return 0;
  } catch (error) {
    if (error instanceof LedgerMissingError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (
      error instanceof BackupFileError ||
      error instanceof LedgerFileError ||
      error instanceof RestoreRefusedError
    ) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
};
