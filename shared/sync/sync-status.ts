// What a sync client is told (its options) and what it reports (its status and the errors it throws).
import type { KluisDatabase } from '../store';
import type { ConflictHandlers } from './merge';
import type { ErrorCode, Role } from './protocol';
import type { Fetch, TokenRenewal } from './server-client';

/** Errors the status reports, as codes the UI turns into words. */
export type SyncErrorCode = ErrorCode | 'offline' | 'bad-response' | 'certificate-mismatch';

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
  /**
   * This device's first sync, while it runs: until it has finished (the lists complete), the status is
   * syncing and `lastSyncedAt` stays null. Null otherwise.
   */
  readonly firstSync: FirstSyncProgress | null;
}

export interface FirstSyncProgress {
  /** Documents written on this device so far. */
  readonly received: number;
  /** How many the server holds for it; null until the server said. */
  readonly total: number | null;
  /** Time left at the pace so far; null until it can be told. */
  readonly remainingMs: number | null;
}

export interface SyncClientOptions {
  readonly db: KluisDatabase;
  readonly fetch: Fetch;
  readonly serverUrl: string;
  readonly token: string;
  /**
   * The device's renewing token (live-link.ts), sent instead of `token`: renewed before it runs out, and
   * the event stream reconnects with the renewed one.
   */
  readonly renewal?: TokenRenewal;
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
   * Who pushes: rows the role may not write (write-rules.ts) are left out of a push instead of sent, for
   * the server would refuse the whole push and the sync would stall. A new replication identifier pushes
   * every local document once, a sales device's copies of the organisation's settings among them.
   */
  readonly writer?: { readonly userId: string; readonly deviceId: string };
  /**
   * Runs before the replications start and again after every event of the server's stream, e.g. the
   * erasure ledger's catch-up (shared/erasure): erased subjects are purged before a push could carry a
   * stale edit of them. Its errors are reported through the status, never stop the sync.
   */
  readonly catchUp?: () => Promise<void>;
  /**
   * Resolves once what a first sync wrote is shown (the directory has caught up); the first sync is done
   * only then.
   */
  readonly settled?: () => Promise<void>;
  /**
   * A first sync of a device that holds no key page yet (keys and settings both in their first sync, and
   * not an admin's) asks the server to leave out the move notes of first arrivals into territories it
   * does not hold (PullQuery `arrivals`): it never held those subjects. Called once before such a pull,
   * to note on the device that it did (shared/territories, markFirstArrivalsSkipped). Absent: no skipping.
   */
  readonly firstArrivals?: () => Promise<void>;
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

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  syncing: false,
  pending: 0,
  lastSyncedAt: null,
  error: null,
  wipe: false,
  firstSync: null,
};
