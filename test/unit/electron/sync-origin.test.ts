// The sync server origin in connect-src: only a bare http(s) origin is accepted, only after the user
// confirmed it (the native dialog stood in by `confirm`), it is kept across starts with the certificate it
// presented, and every response served after it was allowed carries it (the renderer's page is served per
// response).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/protocol';
import { createSyncOrigins, parseSyncOrigin, type SyncOriginDeps } from '../../../electron/sync-origin';
import type { SyncServerQuestion } from '../../../electron/sync-origin-dialog';
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

const OFFICE = Array.from({ length: 32 }, (_, i) => (i + 16).toString(16).toUpperCase()).join(':');

/** A user who confirms every dialog, and servers that all present the office certificate. */
const agreeing = (): SyncOriginDeps & { asked: SyncServerQuestion[] } => {
  const asked: SyncServerQuestion[] = [];
  return {
    asked,
    readCertificate: async () => OFFICE,
    confirm: async (question) => {
      asked.push(question);
      return true;
    },
  };
};

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
    const origins = createSyncOrigins(file, agreeing());
    expect(origins.csp()).toBe(CONTENT_SECURITY_POLICY);
    expect(await origins.allow('https://sync.example.nl/')).toEqual({ ok: true, value: { reload: true } });
    expect(connectSrc(origins.csp())).toBe("connect-src 'self' https://sync.example.nl");
    // Allowing it again changes nothing, so the page need not reload.
    expect(await origins.allow('https://sync.example.nl')).toEqual({ ok: true, value: { reload: false } });

    const restarted = createSyncOrigins(file, agreeing());
    expect(restarted.current()).toBe('https://sync.example.nl');
    expect(connectSrc(restarted.csp())).toBe("connect-src 'self' https://sync.example.nl");

    // A new server replaces the old one: the previous origin is no longer allowed.
    await restarted.allow('https://other.example.nl');
    expect(connectSrc(restarted.csp())).toBe("connect-src 'self' https://other.example.nl");
  });

  it('refuses a bad origin without changing the policy or the stored file', async () => {
    const origins = createSyncOrigins(file, agreeing());
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
    await createSyncOrigins(file, agreeing()).allow('https://sync.example.nl');
    await writeFile(file, JSON.stringify({ origin: "https://a.example 'unsafe-eval'" }));
    expect(createSyncOrigins(file, agreeing()).csp()).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves each page with the policy of the moment it is served', async () => {
    const root = path.join(dir, 'renderer');
    await import('node:fs/promises').then((fs) => fs.mkdir(root, { recursive: true }));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Kluis</title>');
    const origins = createSyncOrigins(file, agreeing());
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

describe('asking the user before a new sync server', () => {
  it('adds nothing when the user refuses in the dialog', async () => {
    const deps = { ...agreeing(), confirm: vi.fn(async () => false) };
    const origins = createSyncOrigins(file, deps);
    expect(await origins.allow('https://sync.example.nl')).toEqual({ ok: false, error: 'refused' });
    expect(deps.confirm).toHaveBeenCalledWith({
      origin: 'https://sync.example.nl',
      fingerprint: OFFICE,
      fromInvite: false,
      replacing: null,
    });
    expect(origins.csp()).toBe(CONTENT_SECURITY_POLICY);
    expect(origins.pin()).toBeNull();
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('pins the certificate the user confirmed, keeps the pin across starts and asks only once', async () => {
    const deps = agreeing();
    const origins = createSyncOrigins(file, deps);
    expect(await origins.allow('https://sync.example.nl:8443')).toEqual({
      ok: true,
      value: { reload: true },
    });
    expect(origins.pin()).toEqual({ hostname: 'sync.example.nl', fingerprint: OFFICE });
    await origins.allow('https://sync.example.nl:8443');
    expect(deps.asked).toHaveLength(1);
    expect(createSyncOrigins(file, agreeing()).pin()).toEqual({
      hostname: 'sync.example.nl',
      fingerprint: OFFICE,
    });
  });

  it('with an invite’s fingerprint: asks when the server presents it, refuses unasked when it does not', async () => {
    const deps = agreeing();
    const origins = createSyncOrigins(file, deps);
    const other = OFFICE.replace(/^10/, '11');
    expect(await origins.allow('https://sync.example.nl', other)).toEqual({
      ok: false,
      error: 'certificate-mismatch',
    });
    expect(await origins.allow('https://sync.example.nl', 'not a fingerprint')).toEqual({
      ok: false,
      error: 'certificate-mismatch',
    });
    expect(deps.asked).toEqual([]);
    // The invite writes it in 43 base64url characters; the same certificate.
    const inviteForm = Buffer.from(OFFICE.replace(/:/g, ''), 'hex').toString('base64url');
    expect(await origins.allow('https://sync.example.nl', inviteForm)).toMatchObject({ ok: true });
    expect(deps.asked).toEqual([
      { origin: 'https://sync.example.nl', fingerprint: OFFICE, fromInvite: true, replacing: null },
    ]);
  });

  it('answers unreachable, without asking, when the server presents no certificate', async () => {
    const deps = { ...agreeing(), readCertificate: async () => null };
    const origins = createSyncOrigins(file, deps);
    expect(await origins.allow('https://sync.example.nl')).toEqual({ ok: false, error: 'unreachable' });
    expect(deps.asked).toEqual([]);
  });

  it('asks about plain http without a certificate, and says which server it replaces', async () => {
    const deps = agreeing();
    const origins = createSyncOrigins(file, deps);
    await origins.allow('https://sync.example.nl');
    await origins.allow('http://127.0.0.1:8787');
    expect(deps.asked[1]).toEqual({
      origin: 'http://127.0.0.1:8787',
      fingerprint: null,
      fromInvite: false,
      replacing: 'https://sync.example.nl',
    });
    expect(origins.pin()).toBeNull();
  });

  it('asks again about an https origin stored without a pin (from before pinning)', async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
    await writeFile(file, JSON.stringify({ origin: 'https://sync.example.nl' }));
    const deps = agreeing();
    const origins = createSyncOrigins(file, deps);
    expect(origins.current()).toBeNull();
    await origins.allow('https://sync.example.nl');
    expect(deps.asked).toHaveLength(1);
  });

  it('shows one dialog at a time', async () => {
    let answer: (yes: boolean) => void = () => undefined;
    const asked: string[] = [];
    const origins = createSyncOrigins(file, {
      readCertificate: async () => OFFICE,
      confirm: (question) => {
        asked.push(question.origin);
        return new Promise<boolean>((resolve) => (answer = resolve));
      },
    });
    const first = origins.allow('https://a.example.nl');
    const second = origins.allow('https://b.example.nl');
    await vi.waitFor(() => expect(asked).toEqual(['https://a.example.nl']));
    answer(false);
    expect(await first).toEqual({ ok: false, error: 'refused' });
    await vi.waitFor(() => expect(asked).toEqual(['https://a.example.nl', 'https://b.example.nl']));
    answer(true);
    expect(await second).toMatchObject({ ok: true });
  });
});
