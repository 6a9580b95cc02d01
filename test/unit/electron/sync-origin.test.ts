// The sync server origin in connect-src: only a bare http(s) origin is accepted, it is kept across starts,
// and every response served after it was allowed carries it (the renderer's page is served per response).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/protocol';
import { createSyncOrigins, parseSyncOrigin } from '../../../electron/sync-origin';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kluis-sync-origin-'));
  file = path.join(dir, 'userData', 'sync-origin.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src'));

describe('sync server origin', () => {
  it.each([
    ['https://sync.example.nl', 'https://sync.example.nl'],
    ['https://sync.example.nl/', 'https://sync.example.nl'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['https://SYNC.example.nl:8443', 'https://sync.example.nl:8443'],
  ])('accepts the origin %s', (text, origin) => {
    expect(parseSyncOrigin(text)).toBe(origin);
  });

  it.each([
    'ftp://sync.example.nl',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://sync.example.nl/api',
    'https://sync.example.nl?x=1',
    'https://user:pw@sync.example.nl',
    "https://sync.example.nl; script-src 'unsafe-inline'",
    'https://sync.example.nl *',
    '*',
    'sync.example.nl',
    '',
    42,
  ])('refuses %j', (text) => {
    expect(parseSyncOrigin(text)).toBeNull();
  });

  it('starts with only self, adds an allowed origin to connect-src, and keeps it for the next start', async () => {
    const origins = createSyncOrigins(file);
    expect(origins.csp()).toBe(CONTENT_SECURITY_POLICY);
    expect(await origins.allow('https://sync.example.nl/')).toEqual({ ok: true, value: { reload: true } });
    expect(connectSrc(origins.csp())).toBe("connect-src 'self' https://sync.example.nl");
    // Allowing it again changes nothing, so the page need not reload.
    expect(await origins.allow('https://sync.example.nl')).toEqual({ ok: true, value: { reload: false } });

    const restarted = createSyncOrigins(file);
    expect(restarted.current()).toBe('https://sync.example.nl');
    expect(connectSrc(restarted.csp())).toBe("connect-src 'self' https://sync.example.nl");

    // A new server replaces the old one: the previous origin is no longer allowed.
    await restarted.allow('https://other.example.nl');
    expect(connectSrc(restarted.csp())).toBe("connect-src 'self' https://other.example.nl");
  });

  it('refuses a bad origin without changing the policy or the stored file', async () => {
    const origins = createSyncOrigins(file);
    await origins.allow('https://sync.example.nl');
    const before = await readFile(file, 'utf8');
    expect(await origins.allow('https://x.example; connect-src *')).toEqual({
      ok: false,
      error: 'invalid-origin',
    });
    expect(connectSrc(origins.csp())).toBe("connect-src 'self' https://sync.example.nl");
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('ignores a stored file that was tampered with', async () => {
    await createSyncOrigins(file).allow('https://sync.example.nl');
    await writeFile(file, JSON.stringify({ origin: "https://a.example 'unsafe-eval'" }));
    expect(createSyncOrigins(file).csp()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves each page with the policy of the moment it is served', async () => {
    const root = path.join(dir, 'renderer');
    await import('node:fs/promises').then((fs) => fs.mkdir(root, { recursive: true }));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kluis</title>');
    const origins = createSyncOrigins(file);
    const handler = createAppProtocolHandler(root, () => origins.csp());
    const get = () => handler({ url: 'app://kluis/index.html', method: 'GET' });
    expect((await get()).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await origins.allow('http://127.0.0.1:8787');
    expect(connectSrc((await get()).headers.get('content-security-policy') ?? '')).toBe(
      "connect-src 'self' http://127.0.0.1:8787",
    );
    // Errors carry the same policy.
    expect(
      connectSrc(
        (await handler({ url: 'app://kluis/missing.js', method: 'GET' })).headers.get(
          'content-security-policy',
        ) ?? '',
      ),
    ).toBe("connect-src 'self' http://127.0.0.1:8787");
  });
});
