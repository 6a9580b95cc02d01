// `--restore FILE` and `--reapply-erasures`: put a backup in place and re-apply every erasure order made
// after it from the ledger kept outside the database (erasure-ledger-file.ts), so no erased person comes
// back. Each re-applied order tombstones the subject's documents and strips its keys again, and is issued
// again at a sequence past anything devices saw, so every device that still holds the subject reads it
// and purges. The sequences jump (storage/restores.ts) so devices that synced after the backup are told
// 'server-restored' and push again what the server lost (shared/sync/restore.ts).
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_MARKER_TABLE, DATABASE_FILE_NAME, readBackup, type BackupMoment } from './backup';
import { lockDataDir } from './data-lock';
import { appendLedgerLines, readLedgerFiles, toLedgerLine, type LedgerLine } from './erasure-ledger-file';
import { openSqliteStorage } from './storage/sqlite';
import type { RestoreMark, Storage } from './storage/types';

export interface ReapplyReport {
  /** The orders issued again, as the ledger now records them. */
  reapplied: LedgerLine[];
  marks: RestoreMark[];
}

export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

type Row = Record<string, unknown>;

/** The highest sequence each organisation is known to have issued, from ledger lines and a database. */
const floorsFrom = (lines: readonly LedgerLine[], more: Record<string, number> = {}): Map<string, number> => {
  const floors = new Map(Object.entries(more));
  for (const line of lines) floors.set(line.orgId, Math.max(floors.get(line.orgId) ?? 0, line.seq));
  return floors;
};

/**
 * Marks the storage as restored (every organisation's sequence jumps past `floors`), then records again
 * each order of the ledger its database does not hold, oldest first, at its original erasure time.
 */
export const reapplyErasures = async (
  storage: Storage,
  lines: readonly LedgerLine[],
  floors: ReadonlyMap<string, number>,
  now: number,
): Promise<ReapplyReport> => {
  const marks = await storage.markRestored(floors, now);
  const orgs = new Set(marks.map((m) => m.orgId));
  const reapplied: LedgerLine[] = [];
  const done = new Set<string>();
  for (const line of [...lines].sort((a, b) => a.seq - b.seq)) {
    const key = `${line.orgId}/${line.subjectId}`;
    // An organisation created after the backup is not in it: nothing of it to erase.
    if (done.has(key) || !orgs.has(line.orgId)) continue;
    done.add(key);
    if (await storage.erasure(line.orgId, line.subjectId)) continue;
    const { subjectId, requestId, erasedBy, signer, sig, proof } = line;
    const outcome = await storage.erase(
      line.orgId,
      { subjectId, requestId, erasedBy, signer, sig, proof },
      line.erasedAt,
    );
    reapplied.push(toLedgerLine(line.orgId, outcome.entry));
  }
  return { reapplied, marks };
};

/** Where the ledger lines come from, and the ledger the server appends to (KLUIS_ERASURE_LEDGER). */
export interface LedgerOptions {
  /** The server's own ledger file: read when `ledgerFiles` is empty; re-issued orders are appended. */
  ledgerFile: string;
  /** --ledger FILE, repeatable: read these instead. */
  ledgerFiles: readonly string[];
  /** --no-ledger: restore without any ledger (people erased after the backup may come back). */
  noLedger?: boolean;
}

/** The ledger's lines; a missing file is refused (LedgerMissingError) unless `noLedger` says none. */
const readLedgers = (options: LedgerOptions): LedgerLine[] => {
  if (options.noLedger) {
    if (options.ledgerFiles.length)
      throw new RestoreRefusedError(
        'Give either --ledger FILE or --no-ledger, not both. Nothing was changed.',
      );
    return [];
  }
  return readLedgerFiles(options.ledgerFiles.length ? options.ledgerFiles : [options.ledgerFile]);
};

/** `--reapply-erasures` on a database restored by other means (pg_restore): ledger files in, report out. */
export const reapplyFromLedger = async (
  storage: Storage,
  options: LedgerOptions & { now?: () => number },
): Promise<ReapplyReport> => {
  const lines = readLedgers(options);
  const report = await reapplyErasures(storage, lines, floorsFrom(lines), (options.now ?? Date.now)());
  appendLedgerLines(options.ledgerFile, report.reapplied);
  return report;
};

export interface RestoreReport extends ReapplyReport {
  moment: BackupMoment;
  /** Where the database the restore replaced was put aside; null when there was none. */
  replaced: string | null;
}

/** The replaced database's sequences (they only raise the floors); nothing when it cannot be read. */
const sequencesOf = (file: string): Record<string, number> => {
  if (!existsSync(file)) return {};
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      const rows = db.prepare('SELECT id, seq FROM orgs').all() as Row[];
      // Folds its log into the file, so the file alone is the whole database when it is put aside.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return Object.fromEntries(rows.map((r) => [String(r.id), Number(r.seq)]));
    } finally {
      db.close();
    }
  } catch {
    return {};
  }
};

/**
 * Replaces the embedded database in `dataDir` by the backup `file`, with the erasures of the ledger
 * re-applied. The backup and the ledger are checked before anything is touched; refused while a server
 * holds the directory. The replaced database is kept beside it as kluis.sqlite.replaced-<time>.
 */
export const restoreSqlite = async (
  options: LedgerOptions & { dataDir: string; file: string; now?: () => number },
): Promise<RestoreReport> => {
  const now = options.now ?? Date.now;
  const moment = readBackup(options.file);
  const lines = readLedgers(options);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataDir(options.dataDir);
  if (!lock.ok)
    throw new RestoreRefusedError(
      `A Kluis server (process ${lock.heldBy}) is using ${options.dataDir}: stop it, then restore. Nothing was changed.`,
    );
  try {
    const target = path.join(options.dataDir, DATABASE_FILE_NAME);
    const staging = `${target}.restoring`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
    const floors = floorsFrom(lines, sequencesOf(target));
    copyFileSync(options.file, staging);
    const raw = new Database(staging);
    // The marker the server refuses to start on (a backup copied into place by hand): a proper restore
    // drops it from the staging copy, which is put in place only once the erasures are re-applied.
    raw.exec(`DROP TABLE ${BACKUP_MARKER_TABLE}`);
    raw.close();
    const storage = openSqliteStorage(staging);
    let report: ReapplyReport;
    try {
      await storage.migrate();
      report = await reapplyErasures(storage, lines, floors, now());
    } finally {
      // The last connection to close folds the log into the file.
      await storage.close();
    }
    let replaced: string | null = null;
    if (existsSync(target)) {
      replaced = `${target}.replaced-${new Date(now()).toISOString().replaceAll(':', '-')}`;
      renameSync(target, replaced);
      for (const suffix of ['-wal', '-shm'])
        if (existsSync(target + suffix)) renameSync(target + suffix, replaced + suffix);
    }
    renameSync(staging, target);
    appendLedgerLines(options.ledgerFile, report.reapplied);
    return { ...report, moment, replaced };
  } finally {
    lock.release();
  }
};
