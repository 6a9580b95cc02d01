// The sync worker (issue 18): pulls, parses and writes the organisation's envelopes off the page's thread,
// with its own RxDB on the page's IndexedDB database (multiInstance: the page's RxDB sees every write).
// It holds no key; what needs one is asked of the page (shared/sync-worker). Each connection is a
// MessagePort the page sends; all share this worker's one database.
import '../../../platform/zod-config';
import { openLocalDatabase } from '../../../platform/storage';
import { serveSync, type PortLike } from '../../../../shared/sync-worker';
import type { KluisDatabase } from '../../../../shared/store';

let database: Promise<KluisDatabase> | null = null;
const db = () => (database ??= openLocalDatabase());

self.addEventListener('message', (event: MessageEvent<{ port?: MessagePort }>) => {
  const port = event.data?.port;
  if (!port) return;
  serveSync(port as unknown as PortLike, { db, fetch: (input, init) => fetch(input, init) });
});
// Loaded: from now on an error event is the worker's own failure, not a worker that could not start.
self.postMessage({ ready: true });
