// The real sync server in the test process, as `npm run server` runs it: SQLite in a temporary data
// directory with its link and territory tables, the built renderer at /, listening on a free port of 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../../server/app';
import { openSqliteLinks } from '../../../server/storage/links-sqlite';
import { openSqliteStorage } from '../../../server/storage/sqlite';
import { openSqliteTerritories } from '../../../server/storage/territories';

const ROOT = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export interface SyncServer {
  readonly url: string;
  close(): Promise<void>;
}

export const startSyncServer = async (): Promise<SyncServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kluis-e2e-server-'));
  const storage = openSqliteStorage(path.join(dir, 'kluis.sqlite'));
  await storage.migrate();
  // Confirmation and unsubscribe links in their own table of the same file, as server/main.ts opens them.
  const links = openSqliteLinks(path.join(dir, 'kluis.sqlite'));
  await links.migrate();
  // Who holds which territory, too: a device asks after each catch-up.
  const territories = openSqliteTerritories(path.join(dir, 'kluis.sqlite'));
  await territories.migrate();
  // A short heartbeat, so a revoked device hears it on its open stream within a second.
  const app = createApp({
    storage,
    links,
    territories,
    staticRoot: ROOT,
    log: false,
    streamHeartbeatMs: 500,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    async close() {
      await app.close();
      await links.close();
      await territories.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
