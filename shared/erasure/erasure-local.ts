// This device's own erasure bookkeeping, in the never-synced `vault` collection sealed with the
// organisation key (vault/local-docs.ts): erasures made here that the server has not recorded yet, and
// how far the server's ledger was read.
import { changeLocalDoc, readLocalDoc, type LocalVault } from '../vault';

export interface QueuedErasure {
  readonly subjectId: string;
  readonly requestId: string;
  readonly erasedAt: number;
}

export interface LedgerCursor {
  /** The server the cursor belongs to: another server's ledger starts from 0. */
  readonly serverUrl: string;
  readonly after: number;
}

const QUEUE_ID = 'erasure-queue';
const CURSOR_ID = 'erasure-cursor';

export const queuedErasures = (vault: LocalVault): Promise<QueuedErasure[]> =>
  readLocalDoc(vault, QUEUE_ID, []);

export const queueErasure = (vault: LocalVault, entry: QueuedErasure): Promise<QueuedErasure[]> =>
  changeLocalDoc<QueuedErasure[]>(vault, QUEUE_ID, [], (queue) => [
    ...queue.filter((q) => q.subjectId !== entry.subjectId),
    entry,
  ]);

export const dequeueErasure = (vault: LocalVault, subjectId: string): Promise<QueuedErasure[]> =>
  changeLocalDoc<QueuedErasure[]>(vault, QUEUE_ID, [], (queue) =>
    queue.filter((q) => q.subjectId !== subjectId),
  );

export const ledgerCursor = async (vault: LocalVault, serverUrl: string): Promise<number> => {
  const cursor = await readLocalDoc<LedgerCursor | null>(vault, CURSOR_ID, null);
  return cursor?.serverUrl === serverUrl ? cursor.after : 0;
};

export const saveLedgerCursor = (vault: LocalVault, cursor: LedgerCursor): Promise<LedgerCursor> =>
  changeLocalDoc<LedgerCursor | null>(vault, CURSOR_ID, null, () => cursor) as Promise<LedgerCursor>;
