// The server was restored from a backup ('server-restored': this device's checkpoint was issued by the
// database the restore replaced). The device synced after the backup, so it may hold what the server
// lost: documents written after the backup, and newer states of documents the backup holds. The pull
// starts again from 0; on each page, a local state newer than the server's is pushed over it (and the
// server's older state is not written locally); at the end, local documents the server does not hold at
// all are pushed as new. The server keeps refusing erased subjects, so this brings none of them back.
import type { RxCollection } from 'rxdb';
import { isErasedTombstone, mergeKeyEntries } from './merge';
import { MAX_PUSH_ROWS, type Collection, type Role, type SyncDocument } from './protocol';
import { maySync } from './roles';
import { SyncRequestError } from './sync-status';
import { toWire, type Doc } from './wire-documents';

export interface RepushRow {
  newDocumentState: SyncDocument;
  assumedMasterState: SyncDocument | null;
}

export interface RestoredResyncOptions {
  readonly collection: Collection;
  /** This device's documents with these ids (deleted ones too), or every live one; in wire form. */
  readonly local: (ids?: readonly string[]) => Promise<SyncDocument[]>;
  /**
   * Pushes rows; resolves with the server's states of the rows it did not take (conflicts), or null when
   * it refused them (they stay as they are here). Throws when the server cannot be reached: the pull is
   * retried, and so is this.
   */
  readonly push: (rows: readonly RepushRow[]) => Promise<SyncDocument[] | null>;
}

type Wire = SyncDocument & {
  readonly _deleted: boolean;
  readonly updatedAt?: number;
  readonly keyId?: string;
};

const pageEntries = (doc: Wire): Record<string, string> => {
  try {
    const value: unknown = JSON.parse((doc as { payload: string }).payload);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, string>)
      : {};
  } catch {
    return {};
  }
};

/**
 * The state to push over the server's, or null when the server's stands: a record, item or setting
 * written later here; a key page holding data keys the server's lacks (merged as a set, as conflicts
 * are). Audit entries never change, and an erased subject's tombstone always stands.
 */
export const newerLocalState = (collection: Collection, local: Wire, server: Wire): SyncDocument | null => {
  if (isErasedTombstone(server as { _deleted: boolean; payload: string })) return null;
  if (JSON.stringify(local) === JSON.stringify(server) || collection === 'audit') return null;
  if (collection === 'keys') {
    if (local._deleted || server._deleted || local.keyId !== server.keyId) return null;
    const theirs = pageEntries(server);
    const merged = mergeKeyEntries(undefined, pageEntries(local), theirs);
    if (Object.keys(merged).every((id) => id in theirs)) return null;
    return { ...server, payload: JSON.stringify(merged) } as SyncDocument;
  }
  const mine = local.updatedAt ?? 0;
  const theirs = server.updatedAt ?? 0;
  return mine > theirs || (mine === theirs && local._deleted && !server._deleted) ? local : null;
};

export class RestoredResync {
  private readonly returned = new Set<string>();

  constructor(private readonly options: RestoredResyncOptions) {}

  /** One page of the pull from 0; resolves with the documents to write locally. */
  async page(documents: readonly SyncDocument[]): Promise<SyncDocument[]> {
    for (const doc of documents) this.returned.add(doc.id);
    if (documents.length === 0) return [];
    const local = new Map(
      (await this.options.local(documents.map((d) => d.id))).map((d) => [d.id, d as Wire]),
    );
    const rows: RepushRow[] = [];
    for (const server of documents) {
      const mine = local.get(server.id);
      const state = mine && newerLocalState(this.options.collection, mine, server as Wire);
      if (state) rows.push({ newDocumentState: state, assumedMasterState: server });
    }
    if (rows.length === 0) return [...documents];
    const conflicts = await this.options.push(rows);
    if (conflicts === null) return [...documents];
    // Taken by the server: the local state stays (the next pull brings it back, unchanged). Not taken:
    // the server's current state is written, as any pulled document is.
    const current = new Map(conflicts.map((d) => [d.id, d]));
    const taken = new Set(rows.map((r) => r.newDocumentState.id).filter((id) => !current.has(id)));
    return documents.filter((d) => !taken.has(d.id)).map((d) => current.get(d.id) ?? d);
  }

  /** After the last page: pushes the live local documents the server did not return. */
  async finish(): Promise<number> {
    const missing = (await this.options.local()).filter(
      (doc) => !this.returned.has(doc.id) && !(doc as Wire)._deleted,
    );
    if (this.options.collection === 'audit') {
      // Each device's chain in order: the server takes an entry only after its predecessor.
      const key = (d: SyncDocument) => d as unknown as { deviceId: string; seq: number };
      missing.sort((a, b) =>
        key(a).deviceId === key(b).deviceId
          ? key(a).seq - key(b).seq
          : key(a).deviceId < key(b).deviceId
            ? -1
            : 1,
      );
    }
    if (missing.length)
      await this.options.push(missing.map((doc) => ({ newDocumentState: doc, assumedMasterState: null })));
    return missing.length;
  }
}

/**
 * The restore resync of one collection of SyncClient: its local documents from the store, its pushes
 * through `send`. A push the server refuses (or the role may not make) leaves the server's state; only an
 * unreachable server fails the pull, which RxDB retries.
 */
export const restoredResync = (
  collection: Collection,
  rxCollection: RxCollection<Doc>,
  role: Role,
  send: (rows: readonly RepushRow[]) => Promise<SyncDocument[]>,
): RestoredResync => {
  const wire = (doc: unknown) => toWire(collection, doc as Record<string, unknown>);
  return new RestoredResync({
    collection,
    local: async (ids) =>
      ids
        ? (await rxCollection.storageInstance.findDocumentsById([...ids], true)).map(wire)
        : (await rxCollection.find().exec()).map((doc) => wire(doc.toJSON())),
    push: async (rows) => {
      if (!maySync(role, 'push', collection)) return null;
      try {
        const conflicts: SyncDocument[] = [];
        for (let at = 0; at < rows.length; at += MAX_PUSH_ROWS)
          conflicts.push(...(await send(rows.slice(at, at + MAX_PUSH_ROWS))));
        return conflicts;
      } catch (error) {
        if (error instanceof SyncRequestError && error.code !== 'offline') return null;
        throw error;
      }
    },
  });
};
