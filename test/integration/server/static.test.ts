// The browser host served at / by the sync server: the shared Content-Security-Policy on every file, and
// nothing outside the renderer build reachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';
import { makeStaticRoot } from '../../helpers/static-root';
import { ADAPTERS, type TestDatabase } from './adapters';
import { startServer, type RunningServer } from './harness';

describe('the browser host at /', () => {
  let files: ReturnType<typeof makeStaticRoot>;
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;

  beforeAll(async () => {
    files = makeStaticRoot('kluis-static-', { 'app-1234.js': 'console.log(1)' });
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage, { staticRoot: files.root });
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await database.destroy();
    files.remove();
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
