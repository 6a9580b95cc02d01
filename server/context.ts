// What every route module receives from the app: storage, the clock and the configured lifetimes.
import type { Storage } from './storage/types';

export interface ServerContext {
  storage: Storage;
  now: () => number;
  tokenLifetimeMs: number;
  maxOfflineMs: number;
}
