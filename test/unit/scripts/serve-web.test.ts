// The browser host's static server: the same CSP as shared/platform/csp.ts, safe headers, and no way out
// of its root directory.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';
import { HIDDEN_TEXT, makeStaticRoot, OUTSIDE_TEXT } from '../../helpers/static-root';
import {
  browserHostPolicy,
  FALLBACK_CONTENT_SECURITY_POLICY,
  parseSyncServers,
  readContentSecurityPolicy,
  startWebServer,
  type WebServer,
} from '../../../scripts/serve-web.mjs';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise "..").*/
const get = (url: string, rawPath: string) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('serve-web', () => {
  let files: ReturnType<typeof makeStaticRoot>;
  let server: WebServer;

  beforeAll(async () => {
    files = makeStaticRoot('kluis-serve-', { 'app.wasm': new Uint8Array([0, 97, 115, 109]) });
    server = await startWebServer({ port: 0, root: files.root });
  });

  afterAll(async () => {
    await server.close();
    files.remove();
  });

  it('reads the same Content-Security-Policy as shared/platform/csp.ts', () => {
    expect(readContentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
    expect(FALLBACK_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });

  it('binds to 127.0.0.1 and serves index.html with the CSP and nosniff', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await get(server.url, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(browserHostPolicy(CONTENT_SECURITY_POLICY));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('lets the page connect to sync servers on this machine and the named ones, not to every server', () => {
    const connectSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src'));
    const servers = parseSyncServers(' https://sync.example.nl/ ,http://10.0.0.5:8787');
    expect(servers).toEqual(['https://sync.example.nl', 'http://10.0.0.5:8787']);
    expect(connectSrc(browserHostPolicy(CONTENT_SECURITY_POLICY, servers))).toBe(
      "connect-src 'self' http://127.0.0.1:* http://localhost:* https://127.0.0.1:* https://localhost:* https://sync.example.nl http://10.0.0.5:8787",
    );
    // Everything else in the policy stays the app's.
    expect(browserHostPolicy(CONTENT_SECURITY_POLICY).replace(/connect-src [^;]*/, '')).toBe(
      CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, ''),
    );
    for (const bad of [
      'https:',
      'https://a.nl/path',
      "https://a.nl 'unsafe-eval'",
      'https://a.nl; script-src *',
    ])
      expect(() => parseSyncServers(bad)).toThrow(/KLUIS_SYNC_SERVER/);
  });

  it('serves WebAssembly as application/wasm', async () => {
    const res = await get(server.url, '/assets/app.wasm');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/wasm');
  });

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/..%5coutside.txt',
    '/.env',
    '/link.txt',
    '/index.html%00.txt',
  ])('refuses %s', async (rawPath) => {
    const res = await get(server.url, rawPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(OUTSIDE_TEXT);
    expect(res.body).not.toContain(HIDDEN_TEXT);
  });

  it('answers only GET and HEAD', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const { hostname, port } = new URL(server.url);
      const req = request({ hostname, port, path: '/', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});
