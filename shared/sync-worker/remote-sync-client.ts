// The page's end of the sync worker (issue 18): the same face as a SyncClient (start, stop, status), while
// the client itself runs at the other end of the channel (serve-sync.ts). The hooks that need keys or the
// page's state run here when the worker asks: conflicts are resolved by the session's handlers, the
// catch-up and "settled" are the page's own, the territory guard decides here, the token renews here.
import { BehaviorSubject, type Observable } from 'rxjs';
import {
  INITIAL_STATUS,
  type Collection,
  type ConflictHandlers,
  type SyncClient,
  type SyncClientOptions,
  type SyncStatus,
} from '../sync';
import type { GuardDecisions } from '../territories';
import { PortRpc, type PortLike } from './port-rpc';
import { PAGE_CALLS, WORKER_CALLS, type RemoteStart, type RenewalState } from './protocol';

/** A SyncClient's public face: what the page uses, whether the client runs here or in the worker. */
export type SyncRunner = Pick<SyncClient, keyof SyncClient>;

export interface RemoteSyncOptions extends Omit<SyncClientOptions, 'db' | 'fetch' | 'now'> {
  /** Pulls and the event stream pass this guard (decided here); absent: none. */
  readonly guard?: GuardDecisions;
  /** Asked after a request failed: did the desktop refuse the server's certificate (server-address.ts)? */
  readonly certificateRefused?: () => Promise<boolean>;
}

const renewalState = (options: RemoteSyncOptions): RenewalState | null =>
  options.renewal
    ? {
        token: options.renewal.token,
        renewing: options.renewal.renewing,
        isExpired: options.renewal.isExpired,
      }
    : null;

export class RemoteSyncClient implements SyncRunner {
  private readonly statusSubject = new BehaviorSubject<SyncStatus>(INITIAL_STATUS);
  private readonly rpc: PortRpc;
  private unsubscribeOnline: (() => void) | undefined;
  private unsubscribeRenewed: (() => void) | undefined;
  private running = false;

  constructor(
    port: PortLike,
    private readonly options: RemoteSyncOptions,
  ) {
    const { conflictHandlers } = options;
    this.rpc = new PortRpc(port, {
      [PAGE_CALLS.status]: (status: SyncStatus) => {
        if (this.running) this.statusSubject.next(status);
      },
      [PAGE_CALLS.catchUp]: () => options.catchUp?.(),
      [PAGE_CALLS.firstArrivals]: () => options.firstArrivals?.(),
      [PAGE_CALLS.settled]: () => options.settled?.(),
      [PAGE_CALLS.resolve]: (collection: Collection, input: unknown) => {
        const handler = conflictHandlers?.[collection as keyof ConflictHandlers];
        if (!handler) throw new Error(`No conflict handler for ${collection}`);
        return handler.resolve(input as never, 'replication-resolve-conflict');
      },
      [PAGE_CALLS.fresh]: async () => {
        await options.renewal?.fresh();
        return renewalState(options);
      },
      [PAGE_CALLS.expired]: () => options.renewal?.expired(),
      [PAGE_CALLS.admit]: (collection: string, documents: never[]) =>
        options.guard?.admit(collection, documents),
      [PAGE_CALLS.strips]: (collection: string, documents: never[]) =>
        options.guard?.strips(collection, documents) ?? false,
      [PAGE_CALLS.certificateRefused]: () => options.certificateRefused?.() ?? false,
    });
  }

  get status$(): Observable<SyncStatus> {
    return this.statusSubject.asObservable();
  }

  get status(): SyncStatus {
    return this.statusSubject.value;
  }

  /** Starts the worker's client; resolves when its first replication is done, as SyncClient.start. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { options } = this;
    this.unsubscribeOnline = options.onOnline?.(() => this.resumeNow());
    this.unsubscribeRenewed = options.renewal?.onRenewed(() =>
      this.rpc.tell(WORKER_CALLS.renewed, renewalState(options)),
    );
    const start: RemoteStart = {
      serverUrl: options.serverUrl,
      token: options.token,
      identifier: options.identifier,
      role: options.role,
      ...(options.writer ? { writer: options.writer } : {}),
      ...(options.live !== undefined ? { live: options.live } : {}),
      ...(options.retryMs !== undefined ? { retryMs: options.retryMs } : {}),
      ...(options.maxRetryMs !== undefined ? { maxRetryMs: options.maxRetryMs } : {}),
      renewal: renewalState(options),
      conflicts: Object.keys(options.conflictHandlers ?? {}) as Collection[],
      catchUp: !!options.catchUp,
      settled: !!options.settled,
      ...(options.firstArrivals ? { firstArrivals: true } : {}),
      ...(options.guard ? { guard: options.guard.passesAll ? 'all' : 'page' } : {}),
      ...(options.certificateRefused ? { checkCertificate: true } : {}),
    };
    await this.rpc.call(WORKER_CALLS.start, start);
  }

  /** Stops the worker's client; its status stays as it was last told, not syncing. */
  async stop(): Promise<void> {
    this.unsubscribeOnline?.();
    this.unsubscribeOnline = undefined;
    this.unsubscribeRenewed?.();
    this.unsubscribeRenewed = undefined;
    if (this.running) await this.rpc.call(WORKER_CALLS.stop).catch(() => undefined);
    this.running = false;
    if (this.status.syncing) this.statusSubject.next({ ...this.status, syncing: false });
  }

  async awaitInSync(): Promise<void> {
    await this.rpc.call(WORKER_CALLS.awaitInSync);
  }

  reSync(): void {
    this.rpc.tell(WORKER_CALLS.reSync);
  }

  resumeNow(): void {
    if (this.running) this.rpc.tell(WORKER_CALLS.resumeNow);
  }

  /** The other end is gone (the worker never loaded): waiting calls are refused, nothing more is sent. */
  abandon(): void {
    this.rpc.close();
  }

  /** Stops and lets go of the channel (the worker may be ended after). */
  async close(): Promise<void> {
    await this.stop();
    await this.rpc.call(WORKER_CALLS.close).catch(() => undefined);
    this.rpc.close();
  }
}
