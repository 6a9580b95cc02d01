// `--backup FILE`: a consistent copy of the embedded SQLite database, taken while the server may be
// running, with the backup's moment written inside it; and the check that a file is such a backup before
// a restore touches anything (restore.ts). PostgreSQL is backed up with pg_dump (README).
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

export const BACKUP_FORMAT = 'kluis-sqlite-backup-1';
export const DATABASE_FILE_NAME = 'kluis.sqlite';
/** The table --backup writes into the copy; --restore drops it, the server refuses to start on it. */
export const BACKUP_MARKER_TABLE = 'kluis_backup';

/** When a backup was taken: the server's clock and every organisation's sequence in the copy. */
export interface BackupMoment {
  format: typeof BACKUP_FORMAT;
  takenAt: number;
  sequences: Record<string, number>;
}

export class BackupFileError extends Error {
  override readonly name = 'BackupFileError';
}

type Row = Record<string, unknown>;

const fsyncPath = (file: string) => {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Copies the database into `target` as it stood at one moment: VACUUM INTO reads inside one transaction,
 * so writes committed meanwhile by a running server are either wholly in the copy or not at all (and the
 * copy holds no free pages with old content). Written beside the target and renamed over it, so `target`
 * is either the old file or the whole new backup.
 */
export const backupSqlite = (databaseFile: string, target: string, now = Date.now): BackupMoment => {
  if (!existsSync(databaseFile))
    throw new BackupFileError(`No embedded database at ${databaseFile} (check KLUIS_DATA_DIR)`);
  const dir = path.dirname(path.resolve(target));
  if (!existsSync(dir)) throw new BackupFileError(`Cannot write ${target}: ${dir} does not exist`);
  const partial = path.join(dir, `.${path.basename(target)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  const source = new Database(databaseFile, { fileMustExist: true });
  let moment: BackupMoment;
  try {
    // Created empty, owner-only and exclusively before VACUUM INTO writes into it (SQLite accepts an
    // empty file), so the backup is never readable by others, not even while it is being written.
    closeSync(openSync(partial, 'wx', 0o600));
    source.pragma('busy_timeout = 10000');
    const takenAt = now();
    source.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    try {
      const sequences = Object.fromEntries(
        (copy.prepare('SELECT id, seq FROM orgs ORDER BY id').all() as Row[]).map((r) => [
          String(r.id),
          Number(r.seq),
        ]),
      );
      moment = { format: BACKUP_FORMAT, takenAt, sequences };
      copy.exec(
        `DROP TABLE IF EXISTS ${BACKUP_MARKER_TABLE}; CREATE TABLE ${BACKUP_MARKER_TABLE} (moment TEXT NOT NULL)`,
      );
      copy.prepare(`INSERT INTO ${BACKUP_MARKER_TABLE} (moment) VALUES (?)`).run(JSON.stringify(moment));
    } finally {
      copy.close();
    }
    chmodSync(partial, 0o600);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  return moment;
};

const SQLITE_HEADER = 'SQLite format 3\0';

const startsAsSqlite = (file: string): boolean => {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return (
      readSync(fd, header, 0, header.length, 0) === header.length &&
      header.toString('latin1') === SQLITE_HEADER
    );
  } finally {
    closeSync(fd);
  }
};

/**
 * Checks that `file` is a whole, undamaged backup made by --backup and returns its moment; every refusal
 * names the file and says why. Opens it read-only: nothing is changed.
 */
export const readBackup = (file: string): BackupMoment => {
  const refuse = (why: string): never => {
    throw new BackupFileError(`Cannot restore from ${file}: ${why}`);
  };
  if (!existsSync(file)) refuse('the file does not exist');
  if (!startsAsSqlite(file)) refuse('it is not a Kluis backup (not an SQLite database file)');
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') refuse('the file is damaged (SQLite quick_check failed)');
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map((r) =>
        String(r.name),
      ),
    );
    if (!tables.has(BACKUP_MARKER_TABLE) || !tables.has('orgs') || !tables.has('documents'))
      refuse('it is an SQLite database but not a Kluis backup (make one with --backup)');
    const row = db.prepare(`SELECT moment FROM ${BACKUP_MARKER_TABLE}`).get() as Row | undefined;
    const moment = row ? (JSON.parse(String(row.moment)) as Partial<BackupMoment>) : undefined;
    if (moment?.format !== BACKUP_FORMAT || typeof moment.takenAt !== 'number' || !moment.sequences)
      refuse('its backup record is missing or of an unknown format');
    return moment as BackupMoment;
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    // better-sqlite3's message names the problem (e.g. "file is not a database"), never the content.
    return refuse(`the file cannot be read as a database (${(error as Error).message})`);
  } finally {
    db?.close();
  }
};

/**
 * Whether the database at `file` still holds the backup marker: a backup copied into place by hand
 * instead of restored with --restore (which re-applies later erasures and drops the marker).
 */
export const isUnrestoredBackup = (file: string): boolean => {
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(BACKUP_MARKER_TABLE) !==
      undefined
    );
  } finally {
    db.close();
  }
};
