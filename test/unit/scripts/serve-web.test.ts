// The browser host's static server: the same CSP as shared/platform/csp.ts, safe headers, and no way out
// of its root directory.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';
import {
  FALLBACK_CONTENT_SECURITY_POLICY,
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
  let dir: string;
  let server: WebServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kluis-serve-'));
    const root = path.join(dir, 'root');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kluis</title>');
    writeFileSync(path.join(root, 'assets', 'app.wasm'), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(path.join(root, '.env'), 'hidden');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    server = await startWebServer({ port: 0, root });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
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
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves WebAssembly as application/wasm', async () => {
    const res = await get(server.url, '/assets/app.wasm');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/wasm');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/link.txt',
    '/index.html%00.txt',
  ])('refuses %s', async (rawPath) => {
    const res = await get(server.url, rawPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the root');
    expect(res.body).not.toContain('hidden');
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
