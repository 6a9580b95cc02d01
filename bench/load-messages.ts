// What the load bench's main thread and its worker threads (load-worker.ts) tell each other.

export interface WorkerSetup {
  serverUrl: string;
  userId: string;
  authVerifier: string;
  first: number;
  count: number;
  /** Streams carry small pushes' documents (the default); false: every event makes the device pull. */
  carry: boolean;
}

export type ToWorker =
  | { type: 'run'; seconds: number; editEveryMs: number }
  | { type: 'settle'; checkpoint: number; timeoutMs: number }
  | { type: 'stop' };

/** Delivery times in 1 ms buckets up to a minute; the last bucket holds everything later. */
export const DELIVERY_BUCKETS = 60_001;

export type FromWorker =
  | { type: 'ready'; signInMs: number[] }
  | {
      type: 'window';
      pushMs: number[];
      acked: [string, number][];
      failedCalls: number;
      streamOpens: number;
      pulls: number;
      carriedTaken: number;
    }
  | { type: 'settled'; digests: string[]; behind: number; unreadable: number; delivered: Uint32Array }
  | { type: 'error'; message: string };
