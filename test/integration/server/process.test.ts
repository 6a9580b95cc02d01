// The server as `npm run server` runs it: the esbuild bundle in its own process. An acknowledged push
// survives the process being killed mid-traffic (SIGKILL, no shutdown), and --help lists the settings.
import { spawn, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, createOrganisation, personRecord, value } from './harness';
import { BUNDLE, startServerProcess, useBuiltServer } from './server-process';

const start = (dataDir: string) => startServerProcess(dataDir);

describe('the server process', () => {
  const dataDir = useBuiltServer('kluis-process-');

  it('lists PORT, HOST, KLUIS_DATA_DIR and DATABASE_URL in --help', () => {
    const help = spawnSync(process.execPath, [BUNDLE, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const name of ['PORT', 'HOST', 'KLUIS_DATA_DIR', 'DATABASE_URL'])
      expect(help.stdout).toContain(name);
  });

  it('keeps who holds which territory: its routes answer as for an organisation with territories', async () => {
    const server = await start(dataDir('territories'));
    try {
      const admin = await createOrganisation(server.url);
      // The admins' list of territories exists only where the server keeps a territory table.
      const listed = await call(server.url, 'GET', '/territories', { token: admin.token });
      expect(listed.status).toBe(200);
      expect(value(listed)).toEqual({ territories: [] });
      expect((await call(server.url, 'GET', '/territories/grants', { token: admin.token })).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
    }
  });

  it('loses no acknowledged write when killed in the middle of pushes', async () => {
    const first = await start(dataDir());
    const admin = await createOrganisation(first.url);
    const acknowledged: string[] = [];
    let killed = false;
    // Four clients push one document at a time until the connection dies with the process.
    const worker = async () => {
      for (let n = 0; !killed; n += 1) {
        const doc = await personRecord({ n });
        try {
          const reply = await call(first.url, 'POST', '/sync/records/push', {
            token: admin.token,
            body: [{ newDocumentState: doc }],
          });
          if (reply.status === 200) acknowledged.push(doc.id);
        } catch {
          return; // not acknowledged: a real client would retry it
        }
      }
    };
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    const workers = Promise.all([worker(), worker(), worker(), worker()]);
    await expect.poll(() => acknowledged.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(20);
    first.child.kill('SIGKILL');
    killed = true;
    await workers;
    await exited;

    const second = await start(dataDir());
    try {
      const pulled = value(
        await call<{ documents: { id: string }[] }>(second.url, 'GET', '/sync/records/pull?limit=1000', {
          token: admin.token,
        }),
      );
      const stored = new Set(pulled.documents.map((d) => d.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
    }
  });

  it('makes a certificate on first start with TLS_SELF_SIGNED=1, prints its fingerprint and the setup code, and keeps it', async () => {
    const tlsDir = mkdtempSync(path.join(tmpdir(), 'kluis-process-tls-'));
    const run = () =>
      new Promise<{ fingerprint: string; url: string; output: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [BUNDLE], {
          env: { ...process.env, PORT: '0', KLUIS_DATA_DIR: tlsDir, DATABASE_URL: '', TLS_SELF_SIGNED: '1' },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let output = '';
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          output += chunk;
          const fingerprint = /SHA-256 fingerprint: ([0-9A-F:]{95})/.exec(output)?.[1];
          const url = /Server listening at (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (fingerprint && url && /Setup code/.test(output)) {
            child.kill('SIGTERM');
            resolve({ fingerprint, url, output });
          }
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
      });
    try {
      const first = await run();
      const stored = new X509Certificate(readFileSync(path.join(tlsDir, 'tls', 'cert.pem')));
      expect(stored.fingerprint256).toBe(first.fingerprint);
      expect(first.output).toMatch(/Setup code for any further organisation: [A-Za-z0-9_-]{16}/);
      expect((await run()).fingerprint).toBe(first.fingerprint);
    } finally {
      rmSync(tlsDir, { recursive: true, force: true });
    }
  });
});
