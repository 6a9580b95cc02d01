// This device's own erasure bookkeeping, in the never-synced `vault` collection sealed with the
// organisation key: erasures made here that the server has not recorded yet, how far the server's ledger
// was read, and how many stale changes to erased people sync discarded (for the notice the UI shows).
import type { EnvelopeCipher } from '../crypto/envelope';
import type { KluisDatabase } from '../store/database';

/** The part of an unlocked session this file needs (a Session fits). */
export interface LocalVault {
  readonly db: KluisDatabase;
  readonly cipher: EnvelopeCipher;
  readonly orgKey: Uint8Array;
  readonly orgKeyId: string;
}

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

export interface DiscardNotice {
  readonly count: number;
  /** Recent discarded changes (document id and time), so a retried resolution is counted once. */
  readonly seen: readonly string[];
}

const QUEUE_ID = 'erasure-queue';
const CURSOR_ID = 'erasure-cursor';
const NOTICE_ID = 'erasure-discarded';
const SEEN_KEPT = 200;

const address = (vault: LocalVault, id: string) =>
  ({ collection: 'vault', id, keyId: vault.orgKeyId }) as const;

const read = async <T>(vault: LocalVault, id: string, fallback: T): Promise<T> => {
  const doc = await vault.db.vault.findOne(id).exec();
  if (!doc) return fallback;
  try {
    return vault.cipher.openJson(doc.payload, vault.orgKey, address(vault, id)) as T;
  } catch {
    // Sealed under an earlier organisation key or damaged: start over rather than block sync.
    return fallback;
  }
};

/** Read-modify-write of one sealed document; writes are serialised per device by this chain. */
let tail: Promise<unknown> = Promise.resolve();
const change = <T>(vault: LocalVault, id: string, fallback: T, next: (current: T) => T): Promise<T> => {
  const run = tail.then(async () => {
    const value = next(await read(vault, id, fallback));
    const payload = vault.cipher.sealJson(value, vault.orgKey, address(vault, id));
    await vault.db.vault.upsert({ id, payload, updatedAt: Date.now() });
    return value;
  });
  tail = run.catch(() => undefined);
  return run;
};

export const queuedErasures = (vault: LocalVault): Promise<QueuedErasure[]> => read(vault, QUEUE_ID, []);

export const queueErasure = (vault: LocalVault, entry: QueuedErasure): Promise<QueuedErasure[]> =>
  change<QueuedErasure[]>(vault, QUEUE_ID, [], (queue) => [
    ...queue.filter((q) => q.subjectId !== entry.subjectId),
    entry,
  ]);

export const dequeueErasure = (vault: LocalVault, subjectId: string): Promise<QueuedErasure[]> =>
  change<QueuedErasure[]>(vault, QUEUE_ID, [], (queue) => queue.filter((q) => q.subjectId !== subjectId));

export const ledgerCursor = async (vault: LocalVault, serverUrl: string): Promise<number> => {
  const cursor = await read<LedgerCursor | null>(vault, CURSOR_ID, null);
  return cursor?.serverUrl === serverUrl ? cursor.after : 0;
};

export const saveLedgerCursor = (vault: LocalVault, cursor: LedgerCursor): Promise<LedgerCursor> =>
  change<LedgerCursor | null>(vault, CURSOR_ID, null, () => cursor) as Promise<LedgerCursor>;

const NO_NOTICE: DiscardNotice = { count: 0, seen: [] };

export const discardNotice = (vault: LocalVault): Promise<DiscardNotice> => read(vault, NOTICE_ID, NO_NOTICE);

/** Counts one stale change to an erased subject that sync refused; `key` identifies it (id and time). */
export const countDiscarded = (vault: LocalVault, key: string): Promise<DiscardNotice> =>
  change(vault, NOTICE_ID, NO_NOTICE, (notice) =>
    notice.seen.includes(key)
      ? notice
      : { count: notice.count + 1, seen: [...notice.seen, key].slice(-SEEN_KEPT) },
  );

/** The user has read the notice. */
export const clearDiscardNotice = (vault: LocalVault): Promise<DiscardNotice> =>
  change(vault, NOTICE_ID, NO_NOTICE, (notice) => ({ count: 0, seen: notice.seen }));

/** The notice document's id, for a UI that follows the vault collection's changes. */
export const DISCARD_NOTICE_ID = NOTICE_ID;
