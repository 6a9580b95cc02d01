// The server as `npm run server` runs it: the esbuild bundle (dist/server/main.mjs, built by
// server/build.mjs) in a process of its own on an embedded database, started, stopped, or run once with
// a maintenance flag.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUNDLE = path.join(ROOT, 'dist/server/main.mjs');

/**
 * Builds the bundle before the file's tests and makes them a scratch folder, removed after them; the
 * function returned names a path in that folder (the folder itself when given no parts).
 */
export const useBuiltServer = (prefix: string): ((...parts: string[]) => string) => {
  let scratch = '';
  beforeAll(() => {
    const built = spawnSync(process.execPath, ['server/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    scratch = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  return (...parts) => path.join(scratch, ...parts);
};

const serverEnv = (dataDir: string, extra: Record<string, string>) => ({
  ...process.env,
  PORT: '0',
  KLUIS_DATA_DIR: dataDir,
  DATABASE_URL: '',
  ...extra,
});

/** Starts the bundle; resolves once it listens, with its address. */
export const startServerProcess = (
  dataDir: string,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE], {
      env: serverEnv(dataDir, extra),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

/** SIGTERM, as systemd or docker stop send it; resolves once the process exited. */
export const stopServerProcess = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
};

/** One run of `npm run server -- <args>` that exits by itself (--help, --backup, --restore...). */
export const runServerCommand = (dataDir: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BUNDLE, ...args], { env: serverEnv(dataDir, extra), encoding: 'utf8' });
