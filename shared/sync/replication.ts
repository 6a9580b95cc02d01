// Replicates the organisation's collections with the sync server through RxDB's replication: pull
// from the server's sequence checkpoint, push with assumedMasterState, and a live event stream that tells
// the client to pull. Envelopes travel as they are stored; nothing is decrypted here. What it is told and
// reports is sync-status.ts; how documents travel is wire-documents.ts.
import { BehaviorSubject, merge, Subject, type Observable, type Subscription } from 'rxjs';
import type { RxCollection, RxConflictHandler } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { eachChange } from '../store';
import { CarriedEvents, isCarried, readServerEvents } from './event-stream';
import { FIRST_SYNC_PAGE, FirstSyncs, type PulledDoc } from './first-sync';
import * as resyncs from './resync';
import { BackOff, SerialRun } from './waits';
import { restoredResync, type RepushRow } from './restore';
import { maySync } from './roles';
import { ServerClient, type CallArgs, type CallInput } from './server-client';
import { ROUTES, type RouteValue } from './server-routes';
import { INITIAL_STATUS, SyncRequestError, type SyncClientOptions, type SyncStatus } from './sync-status';
import {
  fingerprint,
  KEY_PULL_BATCH,
  splitBySize,
  toPushRows,
  type Checkpoint,
  type Doc,
} from './wire-documents';
import {
  COLLECTIONS,
  FULL_ERRORS as FULL,
  MAX_PULL_LIMIT,
  MAX_PUSH_ROWS,
  type Collection,
  type ErrorCode,
  type PullResponse,
  type StreamEvent,
  type SyncDocument,
} from './protocol';

export class SyncClient {
  private readonly statusSubject = new BehaviorSubject<SyncStatus>(INITIAL_STATUS);
  private readonly resync = new Subject<'RESYNC'>();
  /**
   * Per replicated collection: the stream's carried events not yet applied, and the subject that asks it
   * alone to pull — its pull handler answers from carried events continuing from its checkpoint (StreamEvent).
   */
  private readonly carried = new Map<Collection, { events: CarriedEvents; pull: Subject<'RESYNC'> }>();
  private replications: RxReplicationState<Doc, Checkpoint>[] = [];
  private subscriptions: Subscription[] = [];
  private readonly pendingIds = new Set<string>();
  /**
   * What the last pulls delivered and RxDB is about to write, by `collection:id`: the write it causes is
   * the server's state arriving, not a local change waiting to be pushed. (RxDB 17 rewrites `_rev` and
   * `_meta` on every write, so a pulled write cannot be told from a local one by its metadata.)
   */
  private readonly arriving = new Map<string, string>();
  /** Collections in a forced full resync or pulling from 0 after a restore, and horizons (resync.ts). */
  private readonly restarts = resyncs.noRestarts();
  /** Collections in their first sync on this device: done and "last synced" wait for them (first-sync.ts). */
  private readonly firstSyncs: FirstSyncs;
  private streamAbort: AbortController | undefined;
  private running = false;
  private readonly server: ServerClient;
  /** Requests in a row that could not reach the server; sets the back-off. */
  private failures = 0;
  private readonly backOff: BackOff;
  /** The catch-up (keys and members before records), one run at a time. */
  private readonly catchUp: SerialRun;
  private unsubscribeOnline: (() => void) | undefined;

  constructor(private readonly options: SyncClientOptions) {
    this.server = new ServerClient(options.fetch, options); // serverUrl, token and a renewing token
    this.backOff = new BackOff(options.retryMs, options.maxRetryMs);
    this.catchUp = new SerialRun(() => this.catchUpOnce());
    this.firstSyncs = new FirstSyncs(options.now ?? Date.now, (firstSync) =>
      this.patch({ syncing: true, firstSync }),
    );
  }

  get status$(): Observable<SyncStatus> {
    return this.statusSubject.asObservable();
  }

  get status(): SyncStatus {
    return this.statusSubject.value;
  }

  /** Starts pulling and pushing both collections; keys first, so records arrive with their keys. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { db } = this.options;
    await this.catchUp.run();
    // Keys first, so records arrive with their keys.
    const wanted = COLLECTIONS.filter((collection) => maySync(this.options.role, 'pull', collection));
    const planned = this.firstSyncs.plan(wanted, db, this.status.lastSyncedAt !== null, (collection) => ({
      pull: (from, count) => this.pull(collection, from, FIRST_SYNC_PAGE.limit, { count }),
      arriving: (docs) => this.arrive(collection, docs),
      settle: (documents, more) => this.settle(collection, documents, more ? 0 : FIRST_SYNC_PAGE.limit),
      checkpoint: (sequence) => resyncs.checkpointAfter(this.restarts, collection, sequence),
    }));
    this.replications = wanted.map((collection) =>
      this.replicate(collection, db[collection] as unknown as RxCollection<Doc>),
    );
    for (const replication of this.replications) {
      this.subscriptions.push(replication.active$.subscribe(() => this.updateActive()));
    }
    this.unsubscribeOnline = this.options.onOnline?.(() => this.resumeNow());
    if (this.options.live !== false) void this.listen();
    await Promise.all(this.replications.map((r) => r.awaitInitialReplication()));
    if (!(await this.firstSyncs.finish(planned, () => this.running, this.options.settled))) return;
    this.patch({ firstSync: null, lastSyncedAt: (this.options.now ?? Date.now)() });
    this.updateActive();
  }

  /** Stops replication; local writes wait for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribeOnline?.();
    this.unsubscribeOnline = undefined;
    this.backOff.wake();
    this.streamAbort?.abort();
    this.streamAbort = undefined;
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.arriving.clear();
    this.carried.clear();
    await Promise.all(this.replications.splice(0).map((r) => r.cancel()));
    this.patch({ syncing: false });
  }

  /** Resolves when every local write is pushed and every known server change is pulled. */
  async awaitInSync(): Promise<void> {
    for (const replication of this.replications) replication.reSync();
    await Promise.all(this.replications.map((r) => r.awaitInSync()));
  }

  /** Asks for a pull now, e.g. when the network comes back. */
  reSync(): void {
    for (const replication of this.replications) replication.reSync();
  }

  /** The connection is back: end every back-off wait and pull now. */
  resumeNow(): void {
    if (!this.running) return;
    this.failures = 0;
    this.backOff.wake();
    this.reSync();
  }

  private replicate(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
  ): RxReplicationState<Doc, Checkpoint> {
    const handler = this.options.conflictHandlers?.[collection];
    // RxDB takes the handler from the collection when replication starts; the database is opened before
    // any session exists, so the unlocked session's handler is put in place here.
    if (handler) rxCollection.conflictHandler = handler as unknown as RxConflictHandler<Doc>;
    const replicationIdentifier = `${this.options.identifier}:${collection}`;
    const carried = { events: new CarriedEvents(), pull: new Subject<'RESYNC'>() };
    this.carried.set(collection, carried);
    const state: RxReplicationState<Doc, Checkpoint> = replicateRxCollection<Doc, Checkpoint>({
      replicationIdentifier,
      collection: rxCollection,
      live: true,
      retryTime: this.options.retryMs ?? 1000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        // The most the server answers: fewer, larger writes into the local store on a first sync. Key
        // pages hold up to 1,000 data keys (~150 kB) each: a few at a time keep one answer near 3 MB,
        // where a full batch after a rotation was 14 MB parsed in one turn (bench/rotation).
        batchSize: collection === 'keys' ? KEY_PULL_BATCH : MAX_PULL_LIMIT,
        stream$: merge(this.resync, carried.pull),
        handler: async (checkpoint, batchSize) => {
          if (await this.firstSyncs.due(collection, checkpoint))
            return this.firstSyncs.run(collection, state);
          const from = resyncs.resumeFrom(this.restarts, collection, checkpoint);
          const pulled = this.takeCarried(collection, from) ?? (await this.pull(collection, from, batchSize));
          const documents = pulled.documents as unknown as PulledDoc[];
          this.arrive(collection, documents);
          // A page the server cut short by its byte bound is not the last: RxDB stops at a short page, so
          // ask for another pull, and a full resync does not end on it (a limit of 0 is never reached).
          if (pulled.more) this.resync.next('RESYNC');
          const settled = await this.settle(collection, documents, pulled.more ? 0 : batchSize);
          const next = resyncs.checkpointAfter(this.restarts, collection, pulled.checkpoint);
          return { checkpoint: next, documents: settled };
        },
      },
      push: {
        batchSize: MAX_PUSH_ROWS,
        handler: async (rows) =>
          (await this.send(collection, toPushRows(collection, rows, this.options))) as unknown as (Doc & {
            _deleted: boolean;
          })[],
      },
    });
    this.trackPending(collection, rxCollection, state);
    return state;
  }

  /** What a pull delivered is about to be written: not a local change (trackPending). */
  private arrive(collection: Collection, documents: readonly PulledDoc[]): void {
    for (const doc of documents) this.arriving.set(`${collection}:${doc.id}`, fingerprint(doc));
  }

  /** A pulled page through the resync or restore under way (endOfResync); a `limit` of 0: not the last. */
  private settle(collection: Collection, documents: PulledDoc[], limit: number): Promise<PulledDoc[]> {
    const rxCollection = this.options.db[collection] as unknown as RxCollection<Doc>;
    return resyncs.endOfResync(this.restarts, { collection, rxCollection, documents, limit });
  }

  /** A local write is pending until the server acknowledged it; what a pull delivered (`arriving`) is not. */
  private trackPending(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
    state: RxReplicationState<Doc, Checkpoint>,
  ): void {
    const update = () => {
      if (this.pendingIds.size !== this.status.pending) this.patch({ pending: this.pendingIds.size });
    };
    this.subscriptions.push(
      eachChange(rxCollection, (event) => {
        const doc = event.documentData;
        const key = `${collection}:${event.documentId}`;
        const expected = this.arriving.get(key);
        if (expected !== undefined) {
          this.arriving.delete(key);
          if (expected === fingerprint(doc)) return;
        }
        this.pendingIds.add(key);
        update();
      }),
      state.sent$.subscribe((doc) => {
        this.pendingIds.delete(`${collection}:${doc.id}`);
        update();
      }),
    );
  }

  /**
   * What the stream carried that continues exactly from `checkpoint`, as a pull's answer; undefined when a
   * request is needed (nothing carried, a missed event, or a resync or restore under way): the pull that
   * follows covers every event received so far, which are dropped. Carried events beyond a gap ask for
   * one more pull, which goes to the server.
   */
  private takeCarried(collection: Collection, checkpoint: number): PullResponse | undefined {
    const carried = this.carried.get(collection);
    if (!carried) return undefined;
    const taken = resyncs.restarting(this.restarts, collection) ? undefined : carried.events.take(checkpoint);
    if (!taken) carried.events.clear();
    else if (carried.events.size > 0) carried.pull.next('RESYNC');
    return taken;
  }

  /**
   * A checkpoint the server can no longer serve (past the tombstone horizon, or beyond a restored database)
   * restarts the pull from 0; what the server no longer holds is dropped when the resync ends (resync.ts).
   */
  private async pull(
    collection: Collection,
    checkpoint: number,
    limit: number,
    first?: { count: boolean },
  ): Promise<PullResponse> {
    const extra = first ? await this.firstSyncs.pageQuery(collection, first.count, this.options) : {};
    const page = (from: number) =>
      this.restarts.horizons.pull(collection, { checkpoint: from, limit, ...extra }, (query) =>
        this.request(ROUTES.pull, { params: { collection }, query }),
      );
    try {
      return await page(checkpoint);
    } catch (error) {
      if (error instanceof SyncRequestError && error.code === 'bad-request' && 'arrivals' in extra) {
        // A server from before `arrivals` refuses it: the first sync takes every note, as before.
        this.firstSyncs.arrivalsRefused();
        return this.pull(collection, checkpoint, limit, first);
      }
      if (error instanceof SyncRequestError && error.code === 'server-restored') {
        const send = (rows: readonly RepushRow[]) => this.send(collection, rows);
        const rx = this.options.db[collection] as unknown as RxCollection<Doc>;
        const restore = restoredResync(collection, rx, this.options.role, send);
        resyncs.beginRestore(this.restarts, collection, restore);
        return page(0);
      }
      if (error instanceof SyncRequestError && error.code === 'resync-required' && checkpoint > 0) {
        // Audit entries are never deleted on the server: none can be stale.
        if (collection !== 'audit') this.restarts.resyncs.set(collection, new resyncs.FullResync());
        return page(0);
      }
      throw error;
    }
  }

  /** Pushes rows, split into bodies the server takes; resolves with the conflicts. */
  private async send(collection: Collection, rows: readonly unknown[]): Promise<SyncDocument[]> {
    const conflicts: SyncDocument[] = [];
    for (const part of splitBySize(rows))
      conflicts.push(...(await this.request(ROUTES.push, { params: { collection }, rawBody: part })));
    return conflicts;
  }

  /** One call to the server; a failure is thrown (RxDB retries the handler) and reaches the status. */
  private async request<R extends typeof ROUTES.push | typeof ROUTES.pull>(
    route: R,
    input: CallInput<R>,
  ): Promise<RouteValue<R>> {
    const reply = await this.server.call(route, ...([input] as CallArgs<R>));
    if (!reply.ok && (reply.error === 'offline' || FULL.has(reply.error))) {
      const failures = this.failures++; // RxDB retries soon; the growing wait (offline, full) is here.
      this.patch({ online: reply.error !== 'offline', error: reply.error });
      if (failures > 0) await this.backOff.wait(failures - 1);
      this.fail(new SyncRequestError(reply.error));
    }
    this.failures = 0;
    if (!reply.ok) this.fail(new SyncRequestError(reply.error, reply.wipe === true));
    const synced = this.firstSyncs.running ? {} : { lastSyncedAt: (this.options.now ?? Date.now)() };
    this.patch({ online: true, error: null, ...synced });
    return reply.value;
  }

  private fail(error: SyncRequestError): never {
    // resync-required and server-restored are handled by the pull; only lasting problems reach the status.
    if (error.code !== 'resync-required' && error.code !== 'server-restored') {
      this.patch({ online: error.code !== 'offline', error: error.code, wipe: error.wipe });
      if (error.wipe || error.code === 'token-expired') void this.stop(); // refused again if retried
    }
    throw error;
  }

  /** Reads the server's event stream; every event (and every reconnect) asks both replications to pull. */
  private async listen(): Promise<void> {
    let attempts = 0;
    while (this.running) {
      const abort = new AbortController();
      this.streamAbort = abort;
      try {
        const response = await this.server.openStream(abort.signal, { documents: true });
        if (!response.ok || !response.body) {
          const reply = (await response.json().catch(() => ({}))) as { error?: ErrorCode; wipe?: boolean };
          this.patch({ error: reply.error ?? 'bad-response', wipe: reply.wipe === true });
          if (reply.wipe || reply.error === 'token-expired') return void (await this.stop());
        } else {
          attempts = 0;
          const token = this.options.renewal?.token;
          this.resync.next('RESYNC');
          const refused = await readServerEvents(response.body, {
            checkpoint: (event) => this.onEvent(event),
            refused: (reply) =>
              this.patch({ error: reply.error ?? 'device-revoked', wipe: reply.wipe === true }),
          });
          if (refused) return void (await this.stop());
          // Ended by the server (it stops, the link dropped): offline at once. A renewed token reconnects.
          if (this.options.renewal?.token === token) this.patch({ online: false, error: 'offline' });
        }
      } catch {
        if (!this.running) return;
        this.patch({ online: false, error: 'offline' });
      }
      if (!this.running) return;
      await this.backOff.wait(attempts);
      attempts += 1;
    }
  }

  /**
   * An event that carries documents asks only its collection to pull, which takes them without a request
   * when they continue from its checkpoint. Any other event — a write announced only (too large, an
   * erasure, a server from before), or the stream's first — runs the catch-up and asks every collection.
   */
  private onEvent(event: StreamEvent): void {
    const carried = isCarried(event) ? this.carried.get(event.collection) : undefined;
    if (carried && isCarried(event)) {
      carried.events.add(event);
      carried.pull.next('RESYNC');
      return;
    }
    void this.catchUp.run();
    this.resync.next('RESYNC');
  }

  /** One catch-up; what fails is reported in the status, and the stream or the next pull tries again. */
  private async catchUpOnce(): Promise<void> {
    if (!this.running) return;
    try {
      await this.options.catchUp?.();
    } catch (error) {
      const code = error instanceof SyncRequestError ? error.code : 'bad-response';
      this.patch({ error: code, online: code !== 'offline' });
    }
  }

  private updateActive(): void {
    // `active$` of a cancelled replication no longer matters.
    const syncing =
      this.firstSyncs.running || this.replications.some((r) => (r.subjects.active.value as boolean) === true);
    if (syncing !== this.status.syncing) this.patch({ syncing });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.statusSubject.next({ ...this.statusSubject.value, ...change });
  }
}
