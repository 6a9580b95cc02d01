// The browser host served at / by the sync server: the shared Content-Security-Policy on every file, and
// nothing outside the renderer build reachable.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';
import { ADAPTERS, type TestDatabase } from './adapters';
import { startServer, type RunningServer } from './harness';

describe('the browser host at /', () => {
  let dir: string;
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kluis-static-'));
    const rendererRoot = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Kluis</title>');
    writeFileSync(path.join(rendererRoot, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(path.join(rendererRoot, '.env'), 'SECRET=1');
    writeFileSync(path.join(dir, 'outside.txt'), 'outside');
    symlinkSync(path.join(dir, 'outside.txt'), path.join(rendererRoot, 'link.txt'));
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage, { staticRoot: rendererRoot });
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / with the shared Content-Security-Policy', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('<title>Kluis</title>');
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${server.url}/assets/app-1234.js`);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it.each(['/..%2Foutside.txt', '/.env', '/link.txt', '/%00', '/nothing.js'])(
    'does not serve %s',
    async (urlPath) => {
      const response = await fetch(`${server.url}${urlPath}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ ok: false, error: 'not-found' });
    },
  );

  it('keeps API routes ahead of files', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
