import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contentTypeFor,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppPath,
  serveAppProtocol,
} from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/platform/csp';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

// <tmp>/secret.txt sits beside the renderer root <tmp>/renderer, so a traversal that worked would read it.
let base: string;
let root: string;
const SECRET = 'the organisation key';

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kluis-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kluis</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'sodium.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string) => createAppProtocolHandler(root)({ url, method: 'GET' });

describe('app:// protocol', () => {
  beforeEach(resetFake);

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs its handler for the app scheme', () => {
    serveAppProtocol(root);
    expect([...fake.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('serves index.html with the strict CSP, nosniff and an HTML content type', async () => {
    const response = await get('app://kluis/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Kluis</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves index.html for the bare origin', async () => {
    expect((await get('app://kluis/')).status).toBe(200);
    expect((await get('app://kluis')).status).toBe(200);
  });

  it('serves assets with their content type', async () => {
    const js = await get('app://kluis/assets/app.js?v=1');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const wasm = await get('app://kluis/assets/sodium.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it.each([
    'app://kluis/../../etc/passwd',
    'app://kluis/../secret.txt',
    'app://kluis/assets/../../secret.txt',
    'app://kluis/%2e%2e/secret.txt',
    'app://kluis/%2E%2E/%2e%2e/etc/passwd',
    'app://kluis/..%2fsecret.txt',
    'app://kluis/assets%2f..%2f..%2fsecret.txt',
    'app://kluis/..\\secret.txt',
    'app://kluis/%5c..%5csecret.txt',
    'app://kluis/index.html%00.js',
    'app://kluis/index.html\0',
    'app://kluis//etc/passwd',
    'app://kluis/C:/Windows/win.ini',
    'app://kluis/%252e%252e/secret.txt',
    'app://kluis/%E0%A4%A',
  ])('refuses %j with 403 and never reads outside the root', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each([
    'app://evil/index.html',
    'app://kluis.evil.example/index.html',
    'app://user@kluis/index.html',
    'app://kluis:8080/index.html',
    'https://kluis/index.html',
    'file:///etc/passwd',
  ])('refuses the foreign origin %s', async (url) => {
    expect((await get(url)).status).toBe(403);
  });

  it('refuses a symlink that points outside the root', async () => {
    const response = await get('app://kluis/assets/link.txt');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 404 with the CSP for a missing file or a folder', async () => {
    for (const url of ['app://kluis/missing.js', 'app://kluis/etc/passwd', 'app://kluis/assets']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await createAppProtocolHandler(root)({ url: 'app://kluis/index.html', method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('resolveAppPath', () => {
  it('maps a URL to a file under the root', () => {
    expect(resolveAppPath('/srv/r', 'app://kluis/assets/a%20b.js')).toEqual({
      ok: true,
      value: path.resolve('/srv/r/assets/a b.js'),
    });
    expect(resolveAppPath('/srv/r', 'app://kluis/assets/')).toEqual({
      ok: true,
      value: path.resolve('/srv/r/assets/index.html'),
    });
  });

  it('tells a foreign host from a forbidden path', () => {
    expect(resolveAppPath('/srv/r', 'app://other/index.html')).toMatchObject({
      ok: false,
      error: 'foreign-host',
    });
    expect(resolveAppPath('/srv/r', 'app://kluis/../x')).toMatchObject({ ok: false, error: 'forbidden' });
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.exe', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
