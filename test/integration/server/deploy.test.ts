// The container image and the systemd unit, checked as far as this machine allows: no container runtime
// can build here without the internet, so the files are parsed and what they name is checked to exist
// and to be what the build produces; the image's health check runs against a real server.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS, type TestDatabase } from './adapters';
import { startServer, type RunningServer } from './harness';
import type { Storage } from '../../../server/storage/types';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Dockerfile instructions: continuation lines joined, comments dropped, split into stages. */
const dockerStages = (text: string) => {
  const joined = text.replace(/\\\n/g, ' ');
  const stages: { from: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of joined.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s+(.*)$/.exec(trimmed) ?? [];
    if (op.toUpperCase() === 'FROM') stages.push({ from: args, instructions: [] });
    else stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
  }
  return stages;
};

/** A systemd unit as section → key → values (a key may repeat). */
const unitFile = (text: string) => {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(trimmed)?.[1];
    if (section) {
      current = new Map();
      sections.set(section, current);
      continue;
    }
    const [, key = '', val = ''] = /^([A-Za-z]+)=(.*)$/.exec(trimmed) ?? [];
    expect(key, `unparsable line: ${line}`).not.toBe('');
    current?.set(key, [...(current.get(key) ?? []), val]);
  }
  return sections;
};

describe('the container image definition', () => {
  const stages = dockerStages(read('Dockerfile'));
  const final = stages.at(-1)!;
  const all = (op: string) => final.instructions.filter((i) => i.op === op);

  it('runs as a user that is not root, from a pinned Node.js 22 base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(final.from).toMatch(/^node:22/);
    const user = all('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    // The user is created in the image before it is used.
    expect(all('RUN').some((r) => r.args.includes(`useradd`) && r.args.includes(user!))).toBe(true);
  });

  it('keeps the data directory on a volume the server is told to use', () => {
    const volume = all('VOLUME')
      .map((v) => v.args)
      .join(' ');
    const env = all('ENV')
      .map((e) => e.args)
      .join(' ');
    const dataDir = /KLUIS_DATA_DIR=(\S+)/.exec(env)?.[1];
    expect(dataDir).toBeDefined();
    expect(volume).toContain(`"${dataDir}"`);
    // Owned by the unprivileged user, so the server can write it.
    expect(all('RUN').some((r) => r.args.includes(`chown kluis:kluis ${dataDir}`))).toBe(true);
  });

  it('checks its health with the script it copies, and runs the bundle the build makes', () => {
    const health = all('HEALTHCHECK')[0]?.args ?? '';
    expect(health).toMatch(/CMD \["node", "deploy\/healthcheck\.mjs"\]/);
    expect(all('COPY').some((c) => c.args.includes('deploy/healthcheck.mjs'))).toBe(true);
    expect(existsSync(path.join(root, 'deploy/healthcheck.mjs'))).toBe(true);
    expect(all('CMD')[0]?.args).toBe('["node", "dist/server/main.mjs"]');
    expect(read('server/build.mjs')).toContain("outfile: 'dist/server/main.mjs'");
    // The build stage builds the browser host too, and the final stage copies it.
    expect(
      stages[0]!.instructions.some((i) => i.op === 'RUN' && i.args.includes('build.mjs --renderer')),
    ).toBe(true);
    expect(all('COPY').some((c) => c.args.includes('/app/dist/renderer'))).toBe(true);
  });

  it('keeps node_modules, build output and data out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const name of ['node_modules', 'dist', 'kluis-data', '.git']) expect(ignored).toContain(name);
  });
});

describe('the systemd unit', () => {
  const unit = unitFile(read('deploy/kluis-server.service'));
  const service = unit.get('Service')!;

  it('runs the server bundle as an unprivileged user with an executable that exists', () => {
    expect(service.get('User')?.[0]).toBe('kluis');
    const [command = '', script = ''] = (service.get('ExecStart')?.[0] ?? '').split(/\s+/);
    expect(path.isAbsolute(command)).toBe(true);
    accessSync(command, constants.X_OK);
    expect(path.relative(service.get('WorkingDirectory')![0]!, script)).toBe('dist/server/main.mjs');
    expect(unit.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
  });

  it('keeps the data in its own state directory, with file descriptors for many streams', () => {
    const environment = service.get('Environment') ?? [];
    expect(environment).toContain('KLUIS_DATA_DIR=/var/lib/kluis');
    expect(service.get('StateDirectory')).toEqual(['kluis']);
    expect(service.get('ReadWritePaths')).toEqual(['/var/lib/kluis']);
    expect(Number(service.get('LimitNOFILE')?.[0])).toBeGreaterThanOrEqual(4096);
  });

  it('passes systemd-analyze verify where systemd is installed', () => {
    const which = spawnSync('which', ['systemd-analyze'], { encoding: 'utf8' });
    if (which.status !== 0) return;
    const verified = spawnSync(
      'systemd-analyze',
      ['verify', path.join(root, 'deploy/kluis-server.service')],
      {
        encoding: 'utf8',
      },
    );
    // Only complaints about this unit's own lines count (the machine may lack other units).
    const own = `${verified.stdout}${verified.stderr}`
      .split('\n')
      .filter((line) => line.includes('kluis-server.service:'));
    expect(own).toEqual([]);
  });
});

describe('the health check script', () => {
  let database: TestDatabase;
  let storage: Storage;
  let server: RunningServer;
  beforeAll(async () => {
    database = await ADAPTERS.sqlite();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage);
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await database.destroy();
  });

  // Asynchronous: the server answers from this process's event loop.
  const check = (port: string) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'deploy/healthcheck.mjs')], {
        env: { ...process.env, PORT: port },
        stdio: 'ignore',
      });
      child.once('exit', (code) => resolve(code));
    });

  it('is healthy while the server answers /healthz, and not once it is gone', async () => {
    expect(await check(new URL(server.url).port)).toBe(0);
    // A port nothing listens on: the one of a server that was closed.
    const gone = await startServer(storage);
    const port = new URL(gone.url).port;
    await gone.close();
    expect(await check(port)).toBe(1);
  });
});
