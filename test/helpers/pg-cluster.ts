// A PostgreSQL cluster of its own in a temporary directory, on a free loopback port, for the fault loop that
// restarts PostgreSQL under load and for the load bench: the shared test cluster (127.0.0.1:5432) serves
// other tests running at the same time and must never be restarted. Made with the installed initdb and
// pg_ctl; as root (this machine) they run as the postgres user, as PostgreSQL refuses root.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const BIN = process.env.KLUIS_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TemporaryCluster {
  readonly url: string;
  /**
   * Restarts the server while the caller's clients keep running; `immediate` stops it as a crash would
   * (recovery from the WAL on start).
   */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  destroy(): void;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const asRoot = process.getuid?.() === 0;

const command = (name: string, args: string[]): [string, string[]] => {
  const full = path.join(BIN, name);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
};
const run = (name: string, args: string[]): string =>
  execFileSync(...command(name, args), { encoding: 'utf8', stdio: 'pipe' });
const runAsync = async (name: string, args: string[]): Promise<void> =>
  void (await promisify(execFile)(...command(name, args)));

/** Why no cluster can be made here, or null when one can. */
export const clusterUnavailable = (): string | null => {
  if (!existsSync(path.join(BIN, 'initdb'))) return `no initdb in ${BIN} (set KLUIS_PG_BIN)`;
  if (asRoot) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    } catch {
      return 'running as root without a postgres user to run PostgreSQL as';
    }
  }
  return null;
};

export const startCluster = async (settings: string[] = []): Promise<TemporaryCluster> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kluis-pg-'));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    ...settings.map((s) => `-c ${s}`),
  ].join(' ');
  const ctlArgs = (args: string[]) => ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', ...args];
  const ctl = (...args: string[]) => run('pg_ctl', ctlArgs(args));
  ctl('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: (mode) => runAsync('pg_ctl', ctlArgs(['restart', '-m', mode])),
    destroy() {
      try {
        ctl('stop', '-m', 'immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
