// What every route module receives from the app: storage, the clock and the configured lifetimes.
import type { CheckpointBatch } from './checkpoint-batch';
import type { ErasureLedgerFile } from './erasure-ledger-file';
import type { AddressBackoff, Limits } from './limits';
import type { Quota } from './quota';
import type { Storage } from './storage/types';
import type { TerritoryStore } from './storage/territories';

export interface ServerContext {
  storage: Storage;
  now: () => number;
  tokenLifetimeMs: number;
  maxOfflineMs: number;
  /** How often an open event stream sends a keep-alive and re-checks its device. */
  streamHeartbeatMs: number;
  limits: Limits;
  /** Failed sign-in, join, prelogin and setup attempts per source address (limits.ts). */
  addresses: AddressBackoff;
  quota: Quota;
  /** What each device's pulls served, written in batches (checkpoint-batch.ts). */
  checkpoints: CheckpointBatch;
  /** The code that opens POST /orgs once an organisation exists; undefined: creation stays open. */
  setupCode: string | undefined;
  /** The copy of every erasure order kept outside the database (erasure-ledger-file.ts); none in tests. */
  erasureLedger: ErasureLedgerFile | undefined;
  /** Who holds which territory's key (routes/territories.ts); undefined: no territories, no filtering. */
  territories?: TerritoryStore | undefined;
}
