// The server as `npm run server` runs it: the esbuild bundle (dist/server/main.mjs, built by
// server/build.mjs) in a process of its own on an embedded database, started, stopped, or run once with
// a maintenance flag.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BUNDLE = path.join(ROOT, 'dist/server/main.mjs');

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
