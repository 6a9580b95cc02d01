// Replicates the `records` and `keys` collections with the sync server through RxDB's replication: pull
// from the server's sequence checkpoint, push with assumedMasterState, and a live event stream that tells
// the client to pull. Envelopes travel as they are stored; nothing is decrypted here.
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { RxCollection, RxConflictHandler } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { KluisDatabase } from '../store/database';
import type { AuditDoc, KeyDoc, RecordDoc, SettingDoc } from '../store/schemas';
import type { ConflictHandlers } from './merge';
import { FullResync } from './resync';
import { maySync } from './roles';
import type { Fetch } from './account';
import {
  COLLECTIONS,
  MAX_BODY_BYTES,
  MAX_PULL_LIMIT,
  MAX_PUSH_ROWS,
  type Collection,
  type ErrorCode,
  type PullResponse,
  type Role,
  type SyncDocument,
} from './protocol';

/** Errors the status reports, as codes the UI turns into words. */
export type SyncErrorCode = ErrorCode | 'offline' | 'bad-response';

export interface SyncStatus {
  /** False once a request failed to reach the server, true again after the next success. */
  readonly online: boolean;
  /** A pull or push is running. */
  readonly syncing: boolean;
  /**
   * Documents written on this device since this client started and not yet acknowledged by the server.
   * Writes made while no client ran are pushed on start but not counted here.
   */
  readonly pending: number;
  readonly lastSyncedAt: number | null;
  readonly error: SyncErrorCode | null;
  /** The server revoked this device: its local copy must be wiped. */
  readonly wipe: boolean;
}

export interface SyncClientOptions {
  readonly db: KluisDatabase;
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly token: string;
  /** Names the replication state kept in the local database; one per server and account. */
  readonly identifier: string;
  /** Listen to the server's event stream and pull on every accepted write (default true). */
  readonly live?: boolean;
  /**
   * Wait before a request that could not reach the server is retried: doubled after each failure up to
   * `maxRetryMs`, with jitter (a random 50–100 % of it) so many clients do not return at once (defaults
   * 1 s, 60 s). `resumeNow` (the host's `online` event) cuts the wait short.
   */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** Subscribes to "the connection is back" (the browser's `online` event); returns the unsubscribe. */
  readonly onOnline?: (listener: () => void) => () => void;
  readonly now?: () => number;
  /** How conflicts reported by the server are resolved (merge.ts); RxDB's default keeps the server's. */
  readonly conflictHandlers?: ConflictHandlers;
  /**
   * The signed-in user's role: the client replicates only the collections it may pull (roles.ts) — a
   * sales user's client does not ask for the admin's compliance files, which the server would refuse.
   */
  readonly role: Role;
  /**
   * Runs before the replications start and again after every event of the server's stream, e.g. the
   * erasure ledger's catch-up (shared/erasure): erased subjects are purged before a push could carry a
   * stale edit of them. Its errors are reported through the status, never stop the sync.
   */
  readonly catchUp?: () => Promise<void>;
}

export class SyncRequestError extends Error {
  override readonly name = 'SyncRequestError';
  constructor(
    readonly code: SyncErrorCode,
    readonly wipe = false,
  ) {
    super(`Sync request failed: ${code}`);
  }
}

type Doc = RecordDoc | KeyDoc | SettingDoc | AuditDoc;
/** The server's sequence; an object because RxDB stacks checkpoints with Object.assign. */
interface Checkpoint {
  sequence: number;
}

/** Exactly the wire fields: RxDB may add `_meta`, `_rev` or `_attachments`, which the server refuses. */
const toWire = (collection: Collection, doc: Record<string, unknown>): SyncDocument => {
  if (collection === 'audit') {
    const { id, deviceId, seq, at, keyId, payload, prevHash, hash, signer, sig } = doc;
    return {
      id,
      deviceId,
      seq,
      at,
      keyId,
      payload,
      prevHash,
      hash,
      signer,
      sig,
      _deleted: false,
    } as SyncDocument;
  }
  const picked =
    collection === 'settings' || collection === 'compliance'
      ? {
          id: doc.id,
          kind: doc.kind,
          keyId: doc.keyId,
          v: doc.v,
          payload: doc.payload,
          updatedAt: doc.updatedAt,
          _deleted: doc._deleted === true,
        }
      : collection !== 'keys'
        ? {
            id: doc.id,
            kind: doc.kind,
            subjectId: doc.subjectId,
            keyId: doc.keyId,
            v: doc.v,
            payload: doc.payload,
            updatedAt: doc.updatedAt,
            _deleted: doc._deleted === true,
          }
        : { id: doc.id, keyId: doc.keyId, payload: doc.payload, _deleted: doc._deleted === true };
  return picked as SyncDocument;
};

/**
 * Tells one state of a document from another without keeping its payload: every payload is ciphertext
 * with a random nonce, so its length and ends differ between any two writes.
 */
const fingerprint = (doc: Record<string, unknown>): string => {
  const text = typeof doc.payload === 'string' ? doc.payload : String(doc.hash ?? '');
  return `${doc._deleted === true}|${text.length}|${text.slice(0, 48)}|${text.slice(-16)}`;
};

/** Key pages per pull (see the pull's batch size). */
export const KEY_PULL_BATCH = 20;

/** Room left under the server's body limit for the JSON punctuation around the rows. */
const PUSH_BYTES = MAX_BODY_BYTES - 64 * 1024;

/**
 * Splits a push into request bodies the server accepts: key pages of a large import are hundreds of KiB
 * each, so a batch of them can exceed the body limit, which failed the push over and over. Each row is
 * serialised once; sizes are counted in UTF-16 units times 3 (the most UTF-8 needs) unless all ASCII.
 */
export const splitBySize = (rows: readonly unknown[], maxBytes = PUSH_BYTES): string[] => {
  const bodies: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const row of rows) {
    const text = JSON.stringify(row);
    const rowBytes = text.length * (/[^ -~]/.test(text) ? 3 : 1) + 1;
    if (part.length && size + rowBytes > maxBytes) {
      bodies.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(text);
    size += rowBytes;
  }
  if (part.length) bodies.push(`[${part.join(',')}]`);
  return bodies;
};

/** A request body already serialised. */
class JsonText {
  constructor(readonly text: string) {}
}

const INITIAL_STATUS: SyncStatus = {
  online: true,
  syncing: false,
  pending: 0,
  lastSyncedAt: null,
  error: null,
  wipe: false,
};

export class SyncClient {
  private readonly statusSubject = new BehaviorSubject<SyncStatus>(INITIAL_STATUS);
  private readonly resync = new Subject<'RESYNC'>();
  private replications: RxReplicationState<Doc, Checkpoint>[] = [];
  private subscriptions: Subscription[] = [];
  private readonly pendingIds = new Set<string>();
  /**
   * What the last pulls delivered and RxDB is about to write, by `collection:id`: the write it causes is
   * the server's state arriving, not a local change waiting to be pushed. (RxDB 17 rewrites `_rev` and
   * `_meta` on every write, so a pulled write cannot be told from a local one by its metadata.)
   */
  private readonly arriving = new Map<string, string>();
  /** Collections in a forced full resync: the ids the server returned so far (resync.ts). */
  private readonly resyncs = new Map<Collection, FullResync>();
  private streamAbort: AbortController | undefined;
  private running = false;
  private readonly baseUrl: string;
  /** Requests in a row that could not reach the server; sets the back-off. */
  private failures = 0;
  private readonly sleepers = new Set<() => void>();
  private unsubscribeOnline: (() => void) | undefined;

  constructor(private readonly options: SyncClientOptions) {
    this.baseUrl = options.serverUrl.replace(/\/+$/, '');
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
    await this.runCatchUp();
    // Keys first, so records arrive with their keys.
    const wanted = COLLECTIONS.filter((collection) => maySync(this.options.role, 'pull', collection));
    this.replications = wanted.map((collection) =>
      this.replicate(collection, db[collection] as unknown as RxCollection<Doc>),
    );
    for (const replication of this.replications) {
      this.subscriptions.push(replication.active$.subscribe(() => this.updateActive()));
    }
    this.unsubscribeOnline = this.options.onOnline?.(() => this.resumeNow());
    if (this.options.live !== false) void this.listen();
    await Promise.all(this.replications.map((r) => r.awaitInitialReplication()));
  }

  /** Stops replication; local writes wait for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribeOnline?.();
    this.unsubscribeOnline = undefined;
    this.wakeSleepers();
    this.streamAbort?.abort();
    this.streamAbort = undefined;
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.arriving.clear();
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
    this.wakeSleepers();
    this.reSync();
  }

  /** The next back-off wait: exponential in the failures so far, capped, with jitter. */
  private backOffMs(failures: number): number {
    const base = this.options.retryMs ?? 1000;
    const cap = this.options.maxRetryMs ?? 60_000;
    const delay = Math.min(cap, base * 2 ** Math.min(failures, 20));
    return delay * (0.5 + Math.random() / 2);
  }

  /** Waits `ms`, or less if `resumeNow` or `stop` comes first. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wakeSleepers(): void {
    for (const wake of [...this.sleepers]) wake();
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
    const state = replicateRxCollection<Doc, Checkpoint>({
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
        stream$: this.resync.asObservable(),
        handler: async (checkpoint, batchSize) => {
          const pulled = await this.pull(collection, checkpoint?.sequence ?? 0, batchSize);
          const documents = pulled.documents as unknown as (Doc & { _deleted: boolean })[];
          for (const doc of documents)
            this.arriving.set(
              `${collection}:${doc.id}`,
              fingerprint(doc as unknown as Record<string, unknown>),
            );
          // A page the server cut short by its byte bound is not the last: RxDB stops at a short page, so
          // ask for another pull, and a full resync does not end on it (a limit of 0 is never reached).
          if (pulled.more) this.resync.next('RESYNC');
          return {
            checkpoint: { sequence: pulled.checkpoint },
            documents: await this.endOfResync(
              collection,
              rxCollection,
              documents,
              pulled.more ? 0 : batchSize,
            ),
          };
        },
      },
      push: {
        batchSize: MAX_PUSH_ROWS,
        handler: async (rows) => {
          const body = rows.map((row) => ({
            newDocumentState: toWire(collection, row.newDocumentState as unknown as Record<string, unknown>),
            assumedMasterState: row.assumedMasterState
              ? toWire(collection, row.assumedMasterState as unknown as Record<string, unknown>)
              : null,
          }));
          const conflicts: SyncDocument[] = [];
          for (const part of splitBySize(body)) {
            conflicts.push(
              ...(await this.request<SyncDocument[]>('POST', `/sync/${collection}/push`, new JsonText(part))),
            );
          }
          return conflicts as unknown as (Doc & { _deleted: boolean })[];
        },
      },
    });
    this.trackPending(collection, rxCollection, state);
    return state;
  }

  /**
   * A write is pending from the local change until the server acknowledged it; a write of what a pull
   * just delivered (`arriving`) is not a local change.
   */
  private trackPending(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
    state: RxReplicationState<Doc, Checkpoint>,
  ): void {
    const update = () => {
      if (this.pendingIds.size !== this.status.pending) this.patch({ pending: this.pendingIds.size });
    };
    this.subscriptions.push(
      rxCollection.$.subscribe((event) => {
        const doc = event.documentData;
        const key = `${collection}:${event.documentId}`;
        const expected = this.arriving.get(key);
        if (expected !== undefined) {
          this.arriving.delete(key);
          if (expected === fingerprint(doc as unknown as Record<string, unknown>)) return;
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
   * A checkpoint the server can no longer serve (past the tombstone horizon, or beyond a restored
   * database) restarts the pull from 0. Local deletions stay deleted: the server answers their
   * tombstones or nothing, and RxDB pushes any local tombstone it has not yet acknowledged. What the
   * server no longer holds is dropped when the resync ends (endOfResync).
   */
  private async pull(collection: Collection, checkpoint: number, limit: number): Promise<PullResponse> {
    const path = (from: number) => `/sync/${collection}/pull?checkpoint=${from}&limit=${limit}`;
    try {
      return await this.request<PullResponse>('GET', path(checkpoint));
    } catch (error) {
      if (error instanceof SyncRequestError && error.code === 'resync-required' && checkpoint > 0) {
        // Audit entries are never deleted on the server: none can be stale.
        if (collection !== 'audit') this.resyncs.set(collection, new FullResync());
        return this.request<PullResponse>('GET', path(0));
      }
      throw error;
    }
  }

  /**
   * During a full resync, notes the ids of each page; on its last page (fewer than asked for), adds a
   * tombstone for every local document the server did not return. RxDB's pull does not apply one to a
   * document with a local write it has not pushed (this client's pending count misses writes made while
   * it was stopped, so RxDB's own bookkeeping is the guard).
   */
  private async endOfResync(
    collection: Collection,
    rxCollection: RxCollection<Doc>,
    documents: (Doc & { _deleted: boolean })[],
    limit: number,
  ): Promise<(Doc & { _deleted: boolean })[]> {
    const resync = this.resyncs.get(collection);
    if (!resync) return documents;
    resync.add(documents.map((doc) => doc.id));
    if (documents.length >= limit) return documents;
    this.resyncs.delete(collection);
    const local = (await rxCollection.find().exec()).map(
      (doc) => toWire(collection, doc.toJSON() as Record<string, unknown>) as unknown as Doc,
    );
    return [...documents, ...resync.staleTombstones(local)];
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.options.fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: body instanceof JsonText ? body.text : JSON.stringify(body) }),
      });
    } catch {
      // RxDB retries a failed handler after a short fixed time; the growing wait happens here.
      const failures = this.failures++;
      this.patch({ online: false, error: 'offline' });
      if (failures > 0) await this.sleep(this.backOffMs(failures - 1));
      this.fail(new SyncRequestError('offline'));
    }
    this.failures = 0;
    let reply: { ok?: boolean; value?: T; error?: ErrorCode; wipe?: boolean };
    try {
      reply = (await response.json()) as typeof reply;
    } catch {
      this.fail(new SyncRequestError('bad-response'));
    }
    if (reply.ok !== true || reply.value === undefined) {
      this.fail(new SyncRequestError(reply.error ?? 'bad-response', reply.wipe === true));
    }
    this.patch({ online: true, error: null, lastSyncedAt: (this.options.now ?? Date.now)() });
    return reply.value;
  }

  private fail(error: SyncRequestError): never {
    // resync-required is handled by the pull; only lasting problems reach the status.
    if (error.code !== 'resync-required') {
      this.patch({ online: error.code !== 'offline', error: error.code, wipe: error.wipe });
      if (error.wipe) void this.stop();
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
        const response = await this.options.fetch(`${this.baseUrl}/sync/stream`, {
          headers: { authorization: `Bearer ${this.options.token}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) {
          const reply = (await response.json().catch(() => ({}))) as { error?: ErrorCode; wipe?: boolean };
          this.patch({ error: reply.error ?? 'bad-response', wipe: reply.wipe === true });
          if (reply.wipe) return void (await this.stop());
        } else {
          attempts = 0;
          this.resync.next('RESYNC');
          const refused = await this.readEvents(response.body);
          if (refused) return void (await this.stop());
        }
      } catch {
        if (!this.running) return;
        this.patch({ online: false, error: 'offline' });
      }
      if (!this.running) return;
      await this.sleep(this.backOffMs(attempts));
      attempts += 1;
    }
  }

  /** Returns true when the server refused the device on the stream. */
  private async readEvents(body: ReadableStream<Uint8Array>): Promise<boolean> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (\S+)$/m.exec(event)?.[1];
        if (type === 'checkpoint') {
          void this.runCatchUp();
          this.resync.next('RESYNC');
        }
        if (type === 'refused') {
          const data = /^data: (.*)$/m.exec(event)?.[1];
          const reply = data ? (JSON.parse(data) as { error?: ErrorCode; wipe?: boolean }) : {};
          this.patch({ error: reply.error ?? 'device-revoked', wipe: reply.wipe === true });
          return true;
        }
      }
    }
  }

  /** One catch-up at a time; an event during a run asks for one more run after it. */
  private catchUpRun: Promise<void> | undefined;
  private catchUpAgain = false;
  private runCatchUp(): Promise<void> {
    const catchUp = this.options.catchUp;
    if (!catchUp) return Promise.resolve();
    if (this.catchUpRun) {
      this.catchUpAgain = true;
      return this.catchUpRun;
    }
    this.catchUpRun = (async () => {
      do {
        this.catchUpAgain = false;
        try {
          await catchUp();
        } catch (error) {
          const code = error instanceof SyncRequestError ? error.code : 'bad-response';
          this.patch({ error: code, online: code !== 'offline' });
        }
      } while (this.catchUpAgain && this.running);
    })().finally(() => {
      this.catchUpRun = undefined;
    });
    return this.catchUpRun;
  }

  private updateActive(): void {
    // `active$` of a cancelled replication no longer matters.
    const syncing = this.replications.some((r) => (r.subjects.active.value as boolean) === true);
    if (syncing !== this.status.syncing) this.patch({ syncing });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.statusSubject.next({ ...this.statusSubject.value, ...change });
  }
}
