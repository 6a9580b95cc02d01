// The server as `npm run server` runs it — the esbuild bundle in a process of its own, with the documented
// settings and no others — for the load bench and the fault loops: started, killed, paused and started
// again on the same data directory and port, and its resident memory read from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = (() => {
  // Bundled into dist/bench-*/ or run from bench/ by vitest: the repository is where package.json is.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!safeRead(path.join(dir, 'package.json')).includes('"name": "kluis"') && dir !== path.dirname(dir))
    dir = path.dirname(dir);
  return dir;
})();

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Builds dist/server/main.mjs (API only), as `npm run server` does before it starts. */
export const buildServer = (): void => {
  const built = spawnSync(process.execPath, ['server/build.mjs'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`server build failed: ${built.stderr}`);
};

export interface ServerSettings {
  /** KLUIS_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL). */
  dataDir?: string;
  databaseUrl?: string;
  /** 0 for any free port; a restart passes the port it had. */
  port?: number;
  /** Further documented settings (config.ts), e.g. KLUIS_SETUP_CODE. */
  env?: Record<string, string>;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), in MiB. */
  peakRssMb(): number;
  /** The last lines it wrote (its logs carry no content, STYLE and server/app.ts). */
  output(): string;
  /** Sends the signal and, for SIGKILL and SIGTERM, waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export const startServerProcess = (settings: ServerSettings): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    // BENCH_SERVER_CPU_PROF=DIR: each server writes a V8 CPU profile there when it exits (node --cpu-prof).
    const profile = process.env.BENCH_SERVER_CPU_PROF;
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const child = spawn(process.execPath, [...flags, path.join(root, 'dist/server/main.mjs')], {
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(settings.port ?? 0),
        KLUIS_DATA_DIR: settings.dataDir ?? '',
        DATABASE_URL: settings.databaseUrl ?? '',
        ...settings.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    let ready = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const read = (chunk: string) => {
      tail = (tail + chunk).slice(-8_000);
      if (ready) return;
      const url = /Server listening at (http:\/\/127\.0\.0\.1:(\d+))/.exec(tail);
      if (!url) return;
      ready = true;
      const pid = child.pid!;
      resolve({
        url: url[1]!,
        port: Number(url[2]),
        child,
        peakRssMb: () => {
          const hwm = /VmHWM:\s+(\d+) kB/.exec(safeRead(`/proc/${pid}/status`))?.[1];
          return hwm ? Math.round(Number(hwm) / 1024) : 0;
        },
        output: () => tail,
        kill: async (signal) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill(signal);
          if (signal === 'SIGKILL' || signal === 'SIGTERM') await exited;
        },
      });
    };
    child.stdout!.setEncoding('utf8').on('data', read);
    child.stderr!.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      if (!ready) reject(new Error(`server exited with ${code} before listening: ${tail.slice(-2000)}`));
    });
  });
