// The erasure ledger kept outside the database: one JSON line per erasure order, appended and fsynced
// before the order is answered, in KLUIS_ERASURE_LEDGER (default KLUIS_DATA_DIR/erasure-ledger.jsonl). A backup holds only the orders
// made before it; after a restore these lines re-apply the later ones (restore.ts), so no erased person
// comes back. A line holds random ids, times, the organisation sequence and the admin device's signature
// over the order — never personal data.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ErasureEntry } from '../shared/sync';

export const LEDGER_FILE_NAME = 'erasure-ledger.jsonl';

export const ledgerFileIn = (dataDir: string): string => path.join(dataDir, LEDGER_FILE_NAME);

/** One order as a ledger line: the organisation and the entry as the server recorded it. */
export const LedgerLine = z.strictObject({
  v: z.literal(1),
  orgId: z.string().min(1).max(200),
  subjectId: z.string().min(1).max(200),
  requestId: z.string().min(1).max(200),
  erasedAt: z.number().int().min(0),
  erasedBy: z.string().min(1).max(200),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  signer: z.string().max(200).optional(),
  sig: z.string().max(400).optional(),
  proof: z.string().max(400).optional(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;

export interface ErasureLedgerFile {
  readonly file: string;
  /** Appends the order and flushes it to disk before returning. */
  append(orgId: string, entry: ErasureEntry): void;
}

export const toLedgerLine = (orgId: string, e: ErasureEntry): LedgerLine => ({
  v: 1,
  orgId,
  subjectId: e.subjectId,
  requestId: e.requestId,
  erasedAt: e.erasedAt,
  erasedBy: e.erasedBy,
  seq: e.seq,
  ...(e.signer !== undefined ? { signer: e.signer } : {}),
  ...(e.sig !== undefined ? { sig: e.sig } : {}),
  ...(e.proof !== undefined ? { proof: e.proof } : {}),
});

/** Appends lines with O_APPEND (one write per line, so instances sharing the file do not interleave). */
export const appendLedgerLines = (file: string, lines: readonly LedgerLine[]): void => {
  if (lines.length === 0) return;
  const fd = openSync(file, 'a', 0o600);
  try {
    for (const line of lines) writeSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Opens the ledger a server appends to, creating it empty when missing: a server that ran leaves the file
 * even before the first erasure, so a missing file at restore time means a lost or misplaced ledger.
 */
export const openErasureLedgerFile = (file: string): ErasureLedgerFile => {
  closeSync(openSync(file, 'a', 0o600));
  return { file, append: (orgId, entry) => appendLedgerLines(file, [toLedgerLine(orgId, entry)]) };
};

export class LedgerFileError extends Error {
  override readonly name = 'LedgerFileError';
}

/** No ledger file where one was expected: restoring without it could bring erased people back. */
export class LedgerMissingError extends Error {
  override readonly name = 'LedgerMissingError';
}

export const missingLedgerMessage = (file: string): string =>
  `No erasure ledger at ${file}. Without it, people erased after the backup would come back. ` +
  'Put the ledger file there (or point KLUIS_ERASURE_LEDGER or --ledger FILE at it); only if there ' +
  'never was one, or it is lost for good, run again with --no-ledger. Nothing was changed.';

/**
 * Reads ledger files; a missing file is refused (LedgerMissingError). A line that is not an order is
 * refused with the file and line number; its content is not quoted.
 */
export const readLedgerFiles = (files: readonly string[]): LedgerLine[] => {
  const lines: LedgerLine[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new LedgerMissingError(missingLedgerMessage(file));
    const text = readFileSync(file, 'utf8');
    const rows = text.split('\n');
    rows.forEach((row, index) => {
      if (!row.trim()) return;
      // The last line of a file whose server died mid-write may be cut: that order was never answered.
      if (index === rows.length - 1 && !text.endsWith('\n')) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(row);
      } catch {
        parsed = undefined;
      }
      const line = LedgerLine.safeParse(parsed);
      if (!line.success)
        throw new LedgerFileError(`Erasure ledger ${file}, line ${index + 1}: not an erasure order`);
      lines.push(line.data);
    });
  }
  return lines;
};
