// The SQLite volume full: the data directory on a small fixed-size tmpfs. A push that no longer fits is
// refused with 507 storage-full (never acknowledged), the server keeps running and names the cause in its log, the database
// stays intact, and once the volume has room again the device's retry lands — every acknowledged write
// exactly once. Needs permission to mount a tmpfs (root here); skipped, and said so, where there is none.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWrites } from '../../../bench/load-device';
import { buildServer, startServerProcess, type ServerProcess } from '../../../bench/load-server';
import { serverClient } from '../../../shared/sync/server-client';
import { ROUTES } from '../../../shared/sync/server-routes';
import { createOrganisation, personRecord } from '../server/harness';

const mountPoint = mkdtempSync(path.join(tmpdir(), 'kluis-full-'));
const mount = (options: string) =>
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], { stdio: 'pipe' });
const cannotMount = (() => {
  try {
    mount('size=2m,mode=0700');
    return null;
  } catch (error) {
    rmSync(mountPoint, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
})();

describe.skipIf(cannotMount !== null)(
  `the SQLite volume full${cannotMount ? ` (skipped: ${cannotMount})` : ''}`,
  () => {
    let server: ServerProcess | undefined;
    beforeAll(() => buildServer());
    afterAll(async () => {
      await server?.kill('SIGKILL');
      execFileSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    });

    it('refuses the write that does not fit, stays intact, and takes the retry once there is room', async () => {
      const dataDir = path.join(mountPoint, 'data');
      server = await startServerProcess({ dataDir, env: { KLUIS_SETUP_CODE: 'volume-full-setup-code' } });
      const admin = await createOrganisation(server.url);
      const client = serverClient(fetch, { serverUrl: server.url, token: admin.token });
      const acked = new Map<string, number>();
      // About 40 KiB of sealed payload a push: the 2 MiB volume fills within a few dozen.
      const filler = 'x'.repeat(30_000);
      let refused: { error: string; body: string } | undefined;
      for (let n = 0; n < 200 && !refused; n++) {
        const doc = await personRecord({ n, filler }, undefined, 1_764_000_000_000 + n);
        const body = JSON.stringify([{ newDocumentState: doc }]);
        const reply = await client.call(ROUTES.push, { params: { collection: 'records' }, rawBody: body });
        if (reply.ok) acked.set(doc.id, doc.updatedAt);
        else refused = { error: reply.error, body };
      }
      expect(refused, 'the volume never filled').toBeDefined();
      // Refused as 507 storage-full (the client words it, and backs off), never acknowledged; the log
      // names the cause (no content in it).
      expect(refused!.error).toBe('storage-full');
      await expect.poll(() => server!.output()).toMatch(/"code":"SQLITE_FULL"/);
      expect((await client.call(ROUTES.pull, { params: { collection: 'records' } })).ok).toBe(true);

      // Room again: the same write, retried as the device does, lands once.
      mount('remount,size=16m');
      const retried = await client.call(ROUTES.push, {
        params: { collection: 'records' },
        rawBody: refused!.body,
      });
      expect(retried.ok).toBe(true);
      const [row] = JSON.parse(refused!.body) as [{ newDocumentState: { id: string; updatedAt: number } }];
      acked.set(row.newDocumentState.id, row.newDocumentState.updatedAt);
      const check = await checkWrites(client, acked);
      expect(check.lost).toEqual([]);
      expect(check.duplicated).toEqual([]);
      expect(check.unexpected).toEqual([]);

      await server.kill('SIGKILL');
      const db = new Database(path.join(dataDir, 'kluis.sqlite'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }, 60_000);
  },
);
