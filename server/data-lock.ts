// Who holds the data directory: a running server writes its process id into KLUIS_DATA_DIR/server.pid
// and removes it when it stops; --restore takes the same file, so it never replaces a database a server
// has open. A file left by a process that is gone (a crash, a killed container) does not count.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE_NAME = 'server.pid';

export type DataDirLock = { ok: true; release(): void } | { ok: false; heldBy: number };

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The process id of the live process holding the directory, if any. */
export const dataDirHolder = (dataDir: string): number | null => {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8');
  } catch {
    return null;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
};

export const lockDataDir = (dataDir: string): DataDirLock => {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  for (;;) {
    const holder = dataDirHolder(dataDir);
    if (holder !== null) return { ok: false, heldBy: holder };
    try {
      // 'wx' fails when the file exists: of two processes starting together, one wins.
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Left by a process that is gone, or by this one: take it over.
      if (dataDirHolder(dataDir) === null) unlinkSync(file);
      continue;
    }
    return {
      ok: true,
      release: () => {
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone.
        }
      },
    };
  }
};

/**
 * Takes the directory, waiting up to `waitMs` for a holder that is stopping (a restart: the old process
 * is still closing its streams when the new one starts).
 */
export const lockDataDirWhenFree = async (dataDir: string, waitMs = 10_000): Promise<DataDirLock> => {
  const until = Date.now() + waitMs;
  for (;;) {
    const lock = lockDataDir(dataDir);
    if (lock.ok || Date.now() >= until) return lock;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
