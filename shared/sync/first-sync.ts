// A collection's first sync on this device: its local store is empty, so nothing pulled can conflict with
// anything local. The pages are written straight into the store in bulk — the documents, and RxDB's
// record of the server's state beside them (its "assumed master" rows, so later edits conflict and merge
// as after any pull) — instead of through RxDB's pull, which reads every document and its assumed master
// state back first and, when pages arrive faster than it writes, merges them into ever larger batches
// (at 100,000 people: one write of tens of thousands of documents and a 16 s long task). Here one page is
// fetched while the previous one is written, pages are written one at a time (the directory follows page
// by page), and the UI thread gets a turn between pages.
//
// Each document is marked as RxDB marks what its pull wrote (`_meta.o`), so RxDB treats it as the server's
// state; the writes carry RxDB's downstream flag, so its push does not send them back. A document that
// arrives twice (edited on the server during the sync), or that something wrote locally meanwhile, is
// left to RxDB's own pull with its conflict checks: it is handed back with the last page.
import {
  getChangedDocumentsSince,
  createRevision,
  getMetaWriteRow,
  getWrittenDocumentsFromBulkWriteResponse,
  now,
  stripAttachmentsDataFromMetaWriteRows,
  type BulkWriteRow,
  type RxCollection,
  type RxStorageInstanceReplicationState,
  type WithDeleted,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { filter, firstValueFrom } from 'rxjs';
import type { KluisDatabase } from '../store';
import type { Collection, PullResponse } from './protocol';
import type { FirstSyncProgress, SyncClientOptions } from './sync-status';
import type { Checkpoint, Doc } from './wire-documents';

/** A document as RxDB's pull handler takes it. */
export type PulledDoc = Doc & { _deleted: boolean };

/** A first sync's pages: about 1,000 documents of a person's size, a few in a large page of keys. */
export const FIRST_SYNC_PAGE = { limit: 1000, bytes: 1024 * 1024 } as const;

export interface FirstSyncOptions {
  readonly collection: Collection;
  /** One page from the server after `from`; `count` asks for how many documents follow it. */
  readonly pull: (from: number, count: boolean) => Promise<PullResponse>;
  /** Told the documents about to be written (the client's pending count ignores them). */
  readonly arriving: (documents: readonly PulledDoc[]) => void;
  /**
   * A page's documents as they are to be written. A page that had to start the pull again from 0
   * (resync-required, server-restored) began a resync or restore: it takes each later page, and the last
   * (`more` false) ends it, with tombstones of what the server no longer holds (endOfResync).
   */
  readonly settle: (documents: PulledDoc[], more: boolean) => Promise<PulledDoc[]>;
  /** The checkpoint RxDB keeps once the first sync reached `sequence` (resync.ts checkpointAfter). */
  readonly checkpoint: (sequence: number) => Checkpoint;
  /** Told after every page written. */
  readonly progress: () => void;
}

/** Gives the UI thread a turn (input, rendering) between pages. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FirstSync {
  /** Documents written so far. */
  received = 0;
  /** What the server said this collection holds; null until its first page answered. */
  total: number | null = null;
  /** The server's sequence written up to: a retry after a failure resumes here. */
  private sequence = 0;
  private readonly written = new Set<string>();
  /** Documents for RxDB's own pull: arrived twice, or something local was there already. */
  private deferred: PulledDoc[] = [];
  private last: PulledDoc | undefined;

  constructor(private readonly options: FirstSyncOptions) {}

  /**
   * Pulls and writes every page, then answers as RxDB's pull handler: the server's checkpoint, the last
   * document written (written already, so RxDB only records the checkpoint) and the deferred documents.
   */
  async run(replication: RxReplicationState<Doc, Checkpoint>): Promise<{
    checkpoint: Checkpoint;
    documents: PulledDoc[];
  }> {
    const state = replication.internalReplicationState as RxStorageInstanceReplicationState<Doc> | undefined;
    if (!state) throw new Error(`first sync of ${this.options.collection}: the replication has not started`);
    // RxDB's push first reads what is local (nothing, or writes made meanwhile); from then on it skips
    // what the flag marks, so the pages written here are not sent back.
    await firstValueFrom(state.firstSyncDone.up.pipe(filter(Boolean)));
    const fetchPage = (from: number, count: boolean) => {
      const page = this.options.pull(from, count);
      page.catch(() => undefined); // awaited below; a failure of a page fetched ahead is thrown there
      return page;
    };
    let next = fetchPage(this.sequence, this.total === null);
    for (;;) {
      const page = await next;
      if (page.remaining !== undefined) this.total = page.remaining;
      const more = page.more === true || page.documents.length >= FIRST_SYNC_PAGE.limit;
      // Before the next page is asked for: a restart that page meets takes only the pages after it.
      const documents = await this.options.settle(page.documents as unknown as PulledDoc[], more);
      // The next page downloads while this one is written.
      if (more) next = fetchPage(page.checkpoint, false);
      await this.write(state, documents);
      this.sequence = page.checkpoint;
      this.options.progress();
      if (!more) break;
      await yieldToUi();
    }
    // RxDB writes the deferred documents (the last one it finds written already).
    this.options.arriving(this.deferred);
    const documents = [...(this.last ? [this.last] : []), ...this.deferred];
    this.deferred = [];
    return { checkpoint: this.options.checkpoint(this.sequence), documents };
  }

  private async write(state: RxStorageInstanceReplicationState<Doc>, page: PulledDoc[]): Promise<void> {
    const identifierHash = await state.input.hashFunction(state.input.identifier);
    const rows: BulkWriteRow<Doc>[] = [];
    const pulled = new Map<string, PulledDoc>();
    for (const doc of page) {
      if (this.written.has(doc.id)) {
        this.deferred.push(doc);
        continue;
      }
      this.written.add(doc.id);
      pulled.set(doc.id, doc);
      // As RxDB's pull writes a document new to this device, marked as the server's state (`o`).
      const document = {
        ...doc,
        _attachments: {},
        _meta: { lwt: now(), o: { _rev: 1, hash: identifierHash } },
        _rev: createRevision(identifierHash),
      };
      rows.push({ document: document as unknown as BulkWriteRow<Doc>['document'] });
    }
    if (!rows.length) return;
    this.options.arriving([...pulled.values()]);
    const result = await state.input.forkInstance.bulkWrite(rows, await state.downstreamBulkWriteFlag);
    // Written locally meanwhile (a conflict in the store): RxDB's pull decides, with its checks.
    for (const error of result.error) {
      const doc = pulled.get(error.documentId);
      if (doc) this.deferred.push(doc);
    }
    const stored = getWrittenDocumentsFromBulkWriteResponse(state.primaryPath, rows, result);
    const metaRows = await Promise.all(
      stored.map((doc) =>
        getMetaWriteRow(state, pulled.get(doc.id as string) as unknown as WithDeleted<Doc>),
      ),
    );
    if (metaRows.length) {
      const metaResult = await state.input.metaInstance.bulkWrite(
        stripAttachmentsDataFromMetaWriteRows(state, metaRows),
        'replication-down-write-meta',
      );
      if (metaResult.error.length)
        throw new Error(`first sync of ${this.options.collection}: ${metaResult.error.length} not recorded`);
    }
    this.received += stored.length;
    const lastStored = stored.at(-1);
    if (lastStored) this.last = pulled.get(lastStored.id as string);
  }
}

/** True when the collection holds nothing on this device, not even a deletion. */
export const isEmpty = async (rxCollection: RxCollection<Doc>): Promise<boolean> =>
  (await getChangedDocumentsSince(rxCollection.storageInstance, 1)).documents.length === 0;

/**
 * The first syncs of one client's start: which collections have one, whether any still runs (the status
 * says neither done nor "last synced" meanwhile), and the progress over all of them.
 */
export class FirstSyncs {
  /** A first sync runs, or has run and waits for the client to call it finished. */
  running = false;
  private readonly byCollection = new Map<Collection, FirstSync>();
  /** Whether this start's settings first sync leaves out first arrivals elsewhere (decideArrivals). */
  private arrivals: 'undecided' | 'on' | 'off' = 'undecided';
  private readonly all: FirstSync[] = [];
  private started = 0;
  private planned: Promise<void> = Promise.resolve();

  constructor(
    private readonly now: () => number,
    private readonly report: (progress: FirstSyncProgress) => void,
  ) {}

  /**
   * Picks the empty collections among `wanted`; a client that has synced before starts none. Until this
   * resolves, the status waits as for a first sync, and the pull handler waits (`due`).
   */
  plan(
    wanted: readonly Collection[],
    db: KluisDatabase,
    syncedBefore: boolean,
    options: (collection: Collection) => Omit<FirstSyncOptions, 'collection' | 'progress'>,
  ): Promise<void> {
    this.byCollection.clear();
    this.all.length = 0;
    this.arrivals = syncedBefore ? 'off' : 'undecided';
    this.running = !syncedBefore;
    this.planned = syncedBefore ? Promise.resolve() : this.pick(wanted, db, options);
    return this.planned;
  }

  private async pick(
    wanted: readonly Collection[],
    db: KluisDatabase,
    options: (collection: Collection) => Omit<FirstSyncOptions, 'collection' | 'progress'>,
  ): Promise<void> {
    for (const collection of wanted) {
      if (!(await isEmpty(db[collection] as unknown as RxCollection<Doc>))) continue;
      const first = new FirstSync({ ...options(collection), collection, progress: () => this.tell() });
      this.byCollection.set(collection, first);
      this.all.push(first);
    }
    this.running = this.all.length > 0;
    // Decided on the plan, not when settings' first page comes (keys' first sync may have ended by then).
    if (!this.byCollection.has('keys') || !this.byCollection.has('settings')) this.arrivals = 'off';
    this.started = this.now();
    if (this.running) this.tell();
  }

  /**
   * Whether this first sync's pull of `collection` leaves out first arrivals elsewhere (SyncClientOptions
   * `firstArrivals`): settings only, when keys are in their first sync too (the device holds no key page,
   * so it never held a subject: both were planned as first syncs), never on an admin's device (it holds
   * every territory). Asked after `plan` resolved; decided once, when the device first asks, and noted on
   * the device (`firstArrivals`) before the first such pull.
   */
  async decideArrivals(
    collection: Collection,
    options: Pick<SyncClientOptions, 'role' | 'firstArrivals'>,
  ): Promise<boolean> {
    if (collection !== 'settings' || this.arrivals === 'off' || !options.firstArrivals) return false;
    if (this.arrivals === 'on') return true;
    if (options.role === 'admin') {
      this.arrivals = 'off';
      return false;
    }
    await options.firstArrivals();
    this.arrivals = 'on';
    return true;
  }

  /** A first sync page's query: larger pages, the count when asked, and `arrivals` (decideArrivals). */
  async pageQuery(
    collection: Collection,
    count: boolean,
    options: Pick<SyncClientOptions, 'role' | 'firstArrivals'>,
  ): Promise<{ bytes: number; count?: '1'; arrivals?: 'held' }> {
    const arrivals = (await this.decideArrivals(collection, options)) ? { arrivals: 'held' as const } : {};
    return { bytes: FIRST_SYNC_PAGE.bytes, ...(count ? { count: '1' as const } : {}), ...arrivals };
  }

  /** The server refused `arrivals` (one from before it): this start's first sync takes every note. */
  arrivalsRefused(): void {
    this.arrivals = 'off';
  }

  /** Whether RxDB's pull from `checkpoint` is this collection's first sync. */
  async due(collection: Collection, checkpoint: Checkpoint | undefined): Promise<boolean> {
    await this.planned;
    return this.byCollection.has(collection) && !checkpoint?.sequence;
  }

  /** Runs the collection's first sync as RxDB's pull handler answers. */
  async run(collection: Collection, replication: RxReplicationState<Doc, Checkpoint>) {
    const answer = await this.byCollection.get(collection)!.run(replication);
    this.byCollection.delete(collection);
    return answer;
  }

  /**
   * After RxDB's first pull and push: a first sync is finished once what it wrote is shown (`settled`).
   * False when there was none, or the client stopped.
   */
  async finish(planned: Promise<void>, running: () => boolean, settled?: () => Promise<void>) {
    await planned;
    if (!this.running || !running()) return false;
    await settled?.();
    this.running = false;
    return true;
  }

  /** "n of N" and the time left at the pace so far. */
  private tell(): void {
    let received = 0;
    let total: number | null = 0;
    for (const first of this.all) {
      received += first.received;
      total = total === null || first.total === null ? null : total + first.total;
    }
    const elapsed = this.now() - this.started;
    const remainingMs =
      total !== null && received > 0
        ? Math.max(0, Math.round((elapsed / received) * Math.max(0, total - received)))
        : null;
    this.report({ received, total, remainingMs });
  }
}
