// Where this page's sync client runs: in the sync worker when the host can start module workers (the
// browser host and Electron), on the page's thread otherwise (unit tests under jsdom). The worker is
// started once and kept; each client talks to it over its own MessageChannel.
import { syncClientFor, type SyncClientOptions } from '../../../../shared/sync';
import { RemoteSyncClient, type PortLike, type SyncRunner } from '../../../../shared/sync-worker';
import type { GuardDecisions } from '../../../../shared/territories';
import type { Session } from '../../../../shared/vault';

export type { SyncRunner };

/** Tells `listener` when the browser's connection comes back (SyncClientOptions.onOnline). */
export const onBrowserOnline = (listener: () => void): (() => void) => {
  globalThis.addEventListener('online', listener);
  return () => globalThis.removeEventListener('online', listener);
};

/** A client and how to let go of it once stopped. */
export interface RunningSync {
  readonly client: SyncRunner;
  close(): Promise<void>;
}

let worker: Worker | null = null;
/** Set when the worker could not load (a host without module workers): later clients run on the page. */
let broken = false;
/** Clients waiting on a worker that has not said it loaded; told if it never does. */
const waiting = new Set<() => void>();

const startWorker = (): Worker | null => {
  if (broken || typeof Worker === 'undefined' || typeof MessageChannel === 'undefined') return null;
  if (worker) return worker;
  let ready = false;
  try {
    worker = new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module', name: 'kluis-sync' });
  } catch {
    broken = true;
    return null;
  }
  worker.addEventListener('message', () => void (ready = true), { once: true });
  worker.addEventListener('error', () => {
    if (ready) return;
    broken = true;
    worker?.terminate();
    worker = null;
    for (const fail of waiting) fail();
    waiting.clear();
  });
  return worker;
};

/** Ends the worker (its database was deleted: a wiped device); the next client starts a new one. */
export const endSyncWorker = (): void => {
  worker?.terminate();
  worker = null;
};

export const runSync = (
  session: Session,
  options: Omit<SyncClientOptions, 'db'>,
  worker: { guard: GuardDecisions; certificateRefused: () => Promise<boolean> },
): RunningSync => {
  const running = startWorker();
  if (!running) {
    const client = syncClientFor(session, options);
    return { client, close: () => client.stop() };
  }
  const { port1, port2 } = new MessageChannel();
  running.postMessage({ port: port2 }, [port2]);
  const { fetch: _pageFetch, now: _now, ...rest } = options;
  const client = new RemoteSyncClient(port1 as unknown as PortLike, { ...rest, ...worker });
  // A worker that fails to load refuses the start (the next start runs on the page).
  const fail = () => client.abandon();
  waiting.add(fail);
  return {
    client,
    async close() {
      waiting.delete(fail);
      await client.close();
      port1.close();
    },
  };
};
