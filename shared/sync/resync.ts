// A forced full resync (the server purged tombstones this client never saw) must also drop what the
// server no longer holds: otherwise a record deleted elsewhere, whose tombstone is gone, stays on this
// device forever. The ids the server returns during the resync are collected; when the last page
// arrives, every other local document is handed to RxDB as a tombstone from the server. RxDB's pull
// skips a tombstone for a document with a local write not yet pushed (its fork state differs from the
// master state it assumed), so never-pushed local writes survive and are pushed afterwards.
import type { RxCollection } from 'rxdb';
import type { Collection, PullResponse, SyncDocument } from './protocol';
import type { RestoredResync } from './restore';
import { toWire, type Checkpoint, type Doc } from './wire-documents';

/** A document as RxDB's pull handler takes it. */
type PulledDoc = Doc & { _deleted: boolean };

/** The documents of one collection the server returned since its resync began. */
export class FullResync {
  private readonly returned = new Set<string>();
  /** The last document the resync's pages returned (see endOfResync). */
  last: PulledDoc | undefined;

  /** Notes a page of the resync's pull. */
  add(documents: readonly PulledDoc[]): void {
    for (const doc of documents) this.returned.add(doc.id);
    this.last = documents.at(-1) ?? this.last;
  }

  /** Tombstones for the local (not deleted) documents the server did not return. */
  staleTombstones<T extends { readonly id: string }>(local: readonly T[]): (T & { _deleted: true })[] {
    return local
      .filter((doc) => !this.returned.has(doc.id))
      .map((doc) => ({ ...doc, _deleted: true as const }));
  }

  /** The stale tombstones of what `rxCollection` holds locally, in wire form like a pull's documents. */
  async staleTombstonesIn(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
  ): Promise<(Doc & { _deleted: true })[]> {
    const local = (await rxCollection.find().exec()).map(
      (doc) => toWire(collection, doc.toJSON() as Record<string, unknown>) as unknown as Doc,
    );
    return this.staleTombstones(local);
  }
}

/**
 * The tombstone horizon (PullResponse `horizon`) of each collection's last page, with the checkpoint the
 * page gave; RxDB keeps it in the checkpoint too (checkpointAfter), so it outlives a restart. A pull from
 * that checkpoint, if below the horizon, sends it back: the server refuses such a checkpoint unless its
 * horizon has not moved since, so a pull from 0 after a purge (a first sync, a resync) goes on page by
 * page, where it was refused on its second page and started over, forever; and a collection with no write
 * since the purged tombstones is not sent into a full resync at every start.
 */
export class Horizons {
  private readonly last = new Map<Collection, { checkpoint: number; horizon: number }>();

  /** A checkpoint RxDB kept, with the horizon its page was read at. */
  recall(collection: Collection, checkpoint: Checkpoint | undefined): void {
    if (checkpoint?.horizon)
      this.last.set(collection, { checkpoint: checkpoint.sequence, horizon: checkpoint.horizon });
  }

  /** The horizon the page that ended at `sequence` was read at; 0 when unknown or nothing was purged. */
  of(collection: Collection, sequence: number): number {
    const last = this.last.get(collection);
    return last?.checkpoint === sequence ? last.horizon : 0;
  }

  /**
   * One pull of `collection` through `request`, the horizon added where it counts (a checkpoint below it)
   * and the page's noted. A server from before horizons (a rollback, an instance not yet upgraded) refuses
   * the parameter: the pull is asked again without it, as before.
   */
  async pull<Q extends { readonly checkpoint: number }>(
    collection: Collection,
    query: Q,
    request: (query: Q & { horizon?: number }) => Promise<PullResponse>,
  ): Promise<PullResponse> {
    const from = query.checkpoint;
    const horizon = this.of(collection, from);
    const page =
      from > 0 && from < horizon
        ? await request({ ...query, horizon }).catch((error: unknown) => {
            if ((error as { code?: unknown }).code !== 'bad-request') throw error;
            this.last.delete(collection);
            return request(query);
          })
        : await request(query);
    if (page.horizon === undefined) this.last.delete(collection);
    else this.last.set(collection, { checkpoint: page.checkpoint, horizon: page.horizon });
    return page;
  }
}

/**
 * Where RxDB's pull of `collection` goes on from: its checkpoint (its horizon recalled); or 0, in a new
 * full resync, when the checkpoint says one was under way when the app stopped: past the horizon nothing
 * is refused, so what the interrupted resync had not yet dropped would otherwise stay for good.
 */
export const resumeFrom = (running: Restarts, collection: Collection, checkpoint?: Checkpoint): number => {
  running.horizons.recall(collection, checkpoint);
  if (!checkpoint?.resync || running.resyncs.has(collection)) return checkpoint?.sequence ?? 0;
  running.resyncs.set(collection, new FullResync());
  return 0;
};

/** The checkpoint RxDB keeps after a page that ended at `sequence`, every field set (see Checkpoint). */
export const checkpointAfter = (running: Restarts, collection: Collection, sequence: number): Checkpoint => ({
  sequence,
  horizon: running.horizons.of(collection, sequence),
  resync: running.resyncs.has(collection),
});

/** The resyncs and restores under way in one client, by collection, and the horizons its pages saw. */
export interface Restarts {
  readonly restores: Map<Collection, RestoredResync>;
  readonly resyncs: Map<Collection, FullResync>;
  readonly horizons: Horizons;
}

/** No resync or restore under way, no horizon seen. */
export const noRestarts = (): Restarts => ({
  resyncs: new Map(),
  restores: new Map(),
  horizons: new Horizons(),
});

/** Whether `collection` pulls from 0 in a resync or restore (its pulls go to the server, page by page). */
export const restarting = (running: Restarts, collection: Collection): boolean =>
  running.resyncs.has(collection) || running.restores.has(collection);

/**
 * During a full resync, notes the ids of each page; on its last page (fewer than `limit`), adds a
 * tombstone for every local document the server did not return. RxDB's pull does not apply one to a
 * document with a local write it has not pushed (this client's pending count misses writes made while
 * it was stopped, so RxDB's own bookkeeping is the guard). A pull after a restore goes through
 * restore.ts instead.
 */
export const endOfResync = async (
  running: Restarts,
  page: { collection: Collection; rxCollection: RxCollection<Doc>; documents: PulledDoc[]; limit: number },
): Promise<PulledDoc[]> => {
  const { collection, rxCollection, documents, limit } = page;
  const restored = running.restores.get(collection);
  if (restored) {
    const answer = await restored.page(documents as unknown as SyncDocument[]);
    if (documents.length < limit && running.restores.delete(collection)) await restored.finish();
    return answer as unknown as PulledDoc[];
  }
  const resync = running.resyncs.get(collection);
  if (!resync) return documents;
  resync.add(documents);
  if (documents.length >= limit) return documents;
  running.resyncs.delete(collection);
  const answer = [...documents, ...(await resync.staleTombstonesIn(collection, rxCollection))];
  // RxDB keeps no checkpoint from an empty answer: the one it kept, from the resync's previous page, would
  // still say a resync is under way, and the next pull would begin another, and so on. Its last document
  // again (written already, so RxDB only records the checkpoint) makes RxDB keep the one that ends it.
  return answer.length || !resync.last ? answer : [resync.last];
};

/** A restore begins: a resync under way ends (the restore pulls everything from 0 again, restore.ts). */
export const beginRestore = (running: Restarts, collection: Collection, restore: RestoredResync): void => {
  running.resyncs.delete(collection);
  running.restores.set(collection, restore);
};
