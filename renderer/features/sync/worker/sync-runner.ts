// Where this page's sync client runs: in the sync worker when the host can start module workers (the
// browser host and Electron), on the page's thread otherwise (unit tests under jsdom). The worker is
// started once and kept; each client talks to it over its own MessageChannel.
import { syncClientFor, type SyncClientOptions } from '../../../../shared/sync';
import { RemoteSyncClient, type PortLike, type SyncRunner } from '../../../../shared/sync-worker';
import type { GuardDecisions } from '../../../../shared/territories';
import type { Session } from '../../../../shared/vault';

export type { SyncRunner };

/** A client and how to let go of it once stopped. */
export interface RunningSync {
  readonly client: SyncRunner;
  close(): Promise<void>;
}

let worker: Worker | null = null;
/** Set when the worker failed to load: later clients run on the page. */
let broken = false;

const startWorker = (): Worker | null => {
  if (broken || typeof Worker === 'undefined' || typeof MessageChannel === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(new URL('./sync.worker.ts', import.meta.url), {
        type: 'module',
        name: 'kluis-sync',
      });
    } catch {
      broken = true;
      return null;
    }
    worker.addEventListener('error', () => {
      broken = true;
      worker?.terminate();
      worker = null;
    });
  }
  return worker;
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
  return {
    client,
    async close() {
      await client.close();
      port1.close();
    },
  };
};
