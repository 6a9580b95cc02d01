// The sync worker's end (issue 18): a SyncClient runs here, off the page's thread, against this end's own
// RxDB on the same database (multiInstance, so the page's RxDB sees every write). Pulls are fetched,
// parsed and written here; envelopes stay sealed, so this end holds no key. What needs keys or the
// page's state is asked of the page across the channel: conflicts (merge.ts decrypts), the catch-up
// (erasures, territories, link clicks), the territory guard, "settled" (the lists show what arrived) and
// the renewing token.
import type { RxConflictHandler } from 'rxdb';
import type { KluisDatabase } from '../store';
import {
  auditConflictHandler,
  CertificateMismatchError,
  keysConflictHandler,
  RECORD_WIRE_FIELDS,
  sameWire,
  SETTING_WIRE_FIELDS,
  SyncClient,
  SyncRequestError,
  type Collection,
  type ConflictHandlers,
  type Fetch,
  type SyncErrorCode,
  type TokenRenewal,
} from '../sync';
import { guardedFetch, type GuardDecisions } from '../territories';
import { PortRpc, RemoteFailure, type PortLike } from './port-rpc';
import { PAGE_CALLS, WORKER_CALLS, type RemoteStart, type RenewalState } from './protocol';

export interface ServeSyncOptions {
  /** This end's database: in the worker its own RxDB on the page's IndexedDB database. */
  readonly db: KluisDatabase | (() => Promise<KluisDatabase>);
  readonly fetch: Fetch;
  readonly now?: () => number;
}

/** A failure the page sent back, as the sync client expects it (SyncRequestError keeps its code). */
const rebuilt = (error: unknown): unknown =>
  error instanceof RemoteFailure && error.name === 'SyncRequestError'
    ? new SyncRequestError(error.code as SyncErrorCode, error.wipe)
    : error;

/** The token the page renews, mirrored here: each request asks the page for a fresh one first. */
class PageRenewal implements TokenRenewal {
  private readonly listeners = new Set<() => void>();
  constructor(
    private state: RenewalState,
    private readonly rpc: PortRpc,
  ) {}
  get token() {
    return this.state.token;
  }
  get renewing() {
    return this.state.renewing;
  }
  get isExpired() {
    return this.state.isExpired;
  }
  async fresh(): Promise<void> {
    this.update(await this.rpc.call<RenewalState>(PAGE_CALLS.fresh));
  }
  expired(): void {
    this.state = { ...this.state, isExpired: true };
    this.rpc.tell(PAGE_CALLS.expired);
  }
  onRenewed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  update(next: RenewalState): void {
    const renewed = next.token !== this.state.token;
    this.state = next;
    if (renewed) for (const listener of this.listeners) listener();
  }
}

/** The fields each collection's conflict check compares (merge.ts), without decrypting anything. */
const EQUAL_FIELDS: Record<Collection, readonly string[] | null> = {
  keys: null,
  audit: null,
  records: RECORD_WIRE_FIELDS,
  items: RECORD_WIRE_FIELDS,
  settings: SETTING_WIRE_FIELDS,
  compliance: SETTING_WIRE_FIELDS,
};

/** Handlers that compare here and ask the page, which holds the keys, to resolve. */
const pageConflictHandlers = (rpc: PortRpc, collections: readonly Collection[]): ConflictHandlers => {
  const handler = (collection: Collection): RxConflictHandler<never> => {
    const fields = EQUAL_FIELDS[collection];
    if (collection === 'keys') return keysConflictHandler as unknown as RxConflictHandler<never>;
    if (collection === 'audit' || !fields) return auditConflictHandler as unknown as RxConflictHandler<never>;
    return {
      isEqual: (a, b) => sameWire({ ...(a as object) }, { ...(b as object) }, fields),
      resolve: async (input) => {
        try {
          return await rpc.call(PAGE_CALLS.resolve, collection, input);
        } catch (error) {
          throw rebuilt(error);
        }
      },
    };
  };
  const all = Object.fromEntries(
    (['records', 'keys', 'items', 'settings', 'audit', 'compliance'] as const)
      .filter((c) => collections.includes(c))
      .map((c) => [c, handler(c)]),
  );
  return all as unknown as ConflictHandlers;
};

/** A guard whose decisions the page makes (it holds the territory keys and writes the audit entry). */
const pageGuard = (rpc: PortRpc, passesAll: boolean): GuardDecisions => ({
  passesAll,
  admit: (collection, documents) => rpc.call(PAGE_CALLS.admit, collection, documents),
  strips: (collection, documents) => rpc.call(PAGE_CALLS.strips, collection, documents),
});

/**
 * Serves sync on `port` until the page closes it: one client at a time, started and stopped by the page,
 * its status told to the page at every change.
 */
export const serveSync = (port: PortLike, options: ServeSyncOptions): { close(): Promise<void> } => {
  let client: SyncClient | null = null;
  let renewal: PageRenewal | null = null;
  let database: Promise<KluisDatabase> | null = null;
  const db = () =>
    (database ??= typeof options.db === 'function' ? options.db() : Promise.resolve(options.db));

  const stop = async () => {
    const running = client;
    client = null;
    renewal = null;
    await running?.stop();
  };

  const start = async (start: RemoteStart): Promise<void> => {
    if (client) await stop();
    const hooks = rpc;
    renewal = start.renewal ? new PageRenewal(start.renewal, hooks) : null;
    let fetch: Fetch = options.fetch;
    if (start.checkCertificate) {
      const base = fetch;
      fetch = async (input, init) => {
        try {
          return await base(input, init);
        } catch (error) {
          if (init?.signal?.aborted) throw error;
          const url = String(input instanceof Request ? input.url : input);
          if (await hooks.call<boolean>(PAGE_CALLS.certificateRefused).catch(() => false))
            throw new CertificateMismatchError(new URL(url).host);
          throw error;
        }
      };
    }
    if (start.guard) fetch = guardedFetch(fetch, pageGuard(hooks, start.guard === 'all'));
    const call = async (name: string) => {
      try {
        await hooks.call(name);
      } catch (error) {
        throw rebuilt(error);
      }
    };
    const opened = await db();
    const next = new SyncClient({
      db: opened,
      fetch,
      serverUrl: start.serverUrl,
      token: start.token,
      identifier: start.identifier,
      role: start.role,
      ...(start.writer ? { writer: start.writer } : {}),
      ...(start.live !== undefined ? { live: start.live } : {}),
      ...(start.retryMs !== undefined ? { retryMs: start.retryMs } : {}),
      ...(start.maxRetryMs !== undefined ? { maxRetryMs: start.maxRetryMs } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(renewal ? { renewal } : {}),
      conflictHandlers: pageConflictHandlers(hooks, start.conflicts),
      ...(start.catchUp ? { catchUp: () => call(PAGE_CALLS.catchUp) } : {}),
      ...(start.settled ? { settled: () => call(PAGE_CALLS.settled) } : {}),
      ...(start.firstArrivals ? { firstArrivals: () => call(PAGE_CALLS.firstArrivals) } : {}),
    });
    client = next;
    const subscription = next.status$.subscribe((status) => {
      if (client === next) hooks.tell(PAGE_CALLS.status, status);
    });
    try {
      await next.start();
    } finally {
      if (client !== next) subscription.unsubscribe();
    }
  };

  // Opened now, so a start finds it ready.
  void db().catch(() => undefined);
  const rpc: PortRpc = new PortRpc(port, {
    [WORKER_CALLS.start]: start,
    [WORKER_CALLS.stop]: stop,
    [WORKER_CALLS.awaitInSync]: () => client?.awaitInSync(),
    [WORKER_CALLS.reSync]: () => client?.reSync(),
    [WORKER_CALLS.resumeNow]: () => client?.resumeNow(),
    [WORKER_CALLS.renewed]: (state: RenewalState) => renewal?.update(state),
    // The page let go of this channel: nothing more runs for it (the answer goes before the close).
    [WORKER_CALLS.close]: async () => {
      await stop();
      setTimeout(() => rpc.close(), 0);
    },
  });

  return {
    async close() {
      await stop();
      rpc.close();
    },
  };
};
