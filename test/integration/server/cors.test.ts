// Pages of another origin calling the sync server: the desktop app (app://kluis), the browser host of
// `npm run web` on a loopback port and the origins the administrator lists get a preflight answer and may
// read the answers, the event stream included; any other page gets neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import { isAllowedOrigin } from '../../../server/cors';
import { ADAPTERS, type TestDatabase } from './adapters';
import { createOrganisation, startServer, type RunningServer } from './harness';

const preflight = (url: string, path: string, origin: string, method = 'POST') =>
  fetch(`${url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization, content-type, x-evil',
    },
  });

describe('cross-origin pages', () => {
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;

  beforeAll(async () => {
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage, { allowedOrigins: ['https://crm.example.nl'] });
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await database.destroy();
  });

  it.each(['app://kluis', 'http://127.0.0.1:5178', 'http://localhost:4000', 'https://crm.example.nl'])(
    'answers the preflight of %s with the methods and only the headers a client sends',
    async (origin) => {
      const response = await preflight(server.url, '/orgs', origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('refuses the preflight of any other page and lets it read nothing', async () => {
    const response = await preflight(server.url, '/orgs', 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const health = await fetch(`${server.url}/healthz`, { headers: { origin: 'https://evil.example' } });
    expect(health.headers.get('access-control-allow-origin')).toBeNull();
    expect(isAllowedOrigin('http://127.0.0.1.evil.example')).toBe(false);
    expect(isAllowedOrigin('app://kluis.evil')).toBe(false);
  });

  it('lets an allowed page read answers, their Retry-After and the event stream', async () => {
    const origin = 'http://127.0.0.1:5178';
    const health = await fetch(`${server.url}/healthz`, { headers: { origin } });
    expect(health.headers.get('access-control-allow-origin')).toBe(origin);
    expect(health.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(health.headers.get('vary')).toContain('Origin');

    const admin = await createOrganisation(server.url);
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/sync/stream`, {
      headers: { origin, authorization: `Bearer ${admin.token}`, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('access-control-allow-origin')).toBe(origin);
    controller.abort();
  });
});
