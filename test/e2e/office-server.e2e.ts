// The office server as a newcomer sets it up from the README: a fresh clone of what is committed,
// `npm run server` (which builds the app it serves, since a clone has none), TLS with the certificate the
// server makes on first start, and Chromium opening `/` over HTTPS, creating a vault and connecting it.
// Chromium trusts the self-signed certificate only through its SHA-256 public-key pin
// (--ignore-certificate-errors-spki-list), the way a Kluis device pins the fingerprint; a browser without
// the pin is refused. The clone reuses this checkout's node_modules (a symlink): CI's own `npm ci` in a
// fresh clone is what shows the install step, and repeating it here would take minutes.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { SyncPages } from './pages/SyncPages';
import { VaultPage } from './pages/VaultPage';
import { CHROMIUM_ARGS } from './support/harness';
import { waitUntilSynced } from './support/synced-devices';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PASSPHRASE = 'kantoorserver lamp 7 bureaustoel';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Resolves with everything the process printed once `pattern` appears; rejects if it exits first. */
const waitForOutput = (child: ChildProcess, pattern: RegExp) =>
  new Promise<string>((resolve, reject) => {
    let printed = '';
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      if (pattern.test(printed)) resolve(printed);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`npm run server exited (${code}) before it was ready:\n${printed}`)),
    );
  });

describe('the office server from a fresh clone', () => {
  let dir = '';
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let port = 0;
  let printed = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kluis-fresh-clone-'));
    const clone = path.join(dir, 'kluis');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', REPO, clone]);
    symlinkSync(path.join(REPO, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    port = await freePort();
    server = spawn('npm', ['run', 'server'], {
      cwd: clone,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        TLS_SELF_SIGNED: '1',
        KLUIS_DATA_DIR: path.join(dir, 'data'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so npm and the server it starts stop together
    });
    // The clone has no dist/: the first start builds the app (a minute or more on a loaded machine).
    printed = await waitForOutput(server, /Setup code for/);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('serves the app over TLS to a browser that pins its key, which creates a vault and connects it', async () => {
    const certificate = new X509Certificate(readFileSync(path.join(dir, 'data', 'tls', 'cert.pem')));
    expect(printed).toContain('Building the browser host (dist/renderer is missing)');
    // What the server prints is what the admin compares and what invites carry.
    expect(printed).toContain(`SHA-256 fingerprint: ${certificate.fingerprint256}`);
    const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
    const pin = createHash('sha256').update(spki).digest('base64');
    const address = `https://127.0.0.1:${port}/`;

    const unpinned = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await (await unpinned.newContext()).newPage();
      await expect(page.goto(address)).rejects.toThrow(/ERR_CERT/);
    } finally {
      await unpinned.close();
    }

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${pin}`],
    });
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(address);
    await new VaultPage(page).create(PASSPHRASE);
    const sync = new SyncPages(page);
    const userId = await sync.connect(PASSPHRASE);
    expect(userId).toMatch(/\S{8,}/);
    await waitUntilSynced(sync, 60_000);
    expect(errors).toEqual([]);
  }, 240_000);
});
