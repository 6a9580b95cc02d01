// What every route module receives from the app: storage, the clock and the configured lifetimes.
import type { Storage } from './storage/types';

export interface ServerContext {
  storage: Storage;
  now: () => number;
  tokenLifetimeMs: number;
  maxOfflineMs: number;
  /** How often an open event stream sends a keep-alive and re-checks its device. */
  streamHeartbeatMs: number;
}
