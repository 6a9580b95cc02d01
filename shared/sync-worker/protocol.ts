// What the page tells the sync worker when sync starts, and the names of the calls across the channel.
import type { Collection, Role } from '../sync';

/** A renewing token's state as the page holds it (live-link.ts); the worker mirrors it. */
export interface RenewalState {
  readonly token: string;
  readonly renewing: boolean;
  readonly isExpired: boolean;
}

/** Everything of SyncClientOptions that crosses as data; the hooks stay on the page and are called. */
export interface RemoteStart {
  readonly serverUrl: string;
  readonly token: string;
  readonly identifier: string;
  readonly role: Role;
  /** SyncClientOptions.writer: rows the role may not write stay out of a push. */
  readonly writer?: { readonly userId: string; readonly deviceId: string };
  readonly live?: boolean;
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /** The page renews the token (null: the token stays as it is). */
  readonly renewal: RenewalState | null;
  /** Collections whose conflicts the page resolves (it holds the keys); the others keep RxDB's default. */
  readonly conflicts: readonly Collection[];
  readonly catchUp: boolean;
  readonly settled: boolean;
  /** SyncClientOptions.firstArrivals: the page notes that a first sync left out first arrivals elsewhere. */
  readonly firstArrivals?: boolean;
  /**
   * The territory guard (shared/territories guard.ts): 'all' passes everything (an admin's device), 'page'
   * asks the page to admit each pull and stream event, absent means no guard.
   */
  readonly guard?: 'all' | 'page';
  /** A failed request asks the page whether the desktop refused the server's certificate. */
  readonly checkCertificate?: boolean;
}

/** Calls the page serves for the worker. */
export const PAGE_CALLS = {
  status: 'status',
  catchUp: 'catchUp',
  settled: 'settled',
  firstArrivals: 'firstArrivals',
  resolve: 'resolve',
  fresh: 'fresh',
  expired: 'expired',
  admit: 'admit',
  strips: 'strips',
  certificateRefused: 'certificateRefused',
} as const;

/** Calls the worker serves for the page. */
export const WORKER_CALLS = {
  start: 'start',
  stop: 'stop',
  awaitInSync: 'awaitInSync',
  reSync: 'reSync',
  resumeNow: 'resumeNow',
  renewed: 'renewed',
  close: 'close',
} as const;
