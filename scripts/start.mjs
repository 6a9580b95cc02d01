// `npm start`: the desktop app when Electron's binary is present (Electron 45 fetches it on first use);
// otherwise, one line saying so and the same renderer in the browser host. `npm run web` (--web) goes
// straight to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const webOnly = process.argv.includes('--web');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const run = (script) => {
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

/** The Electron executable, fetching it once if it is missing; null where that is impossible. */
const electronBinary = () => {
  let electronDir;
  try {
    electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const located = () => {
    const pathFile = join(electronDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  if (located()) return located();
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || process.env.CI) return null;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return located();
};

const startBrowserHost = async () => {
  run('build:renderer');
  const { startWebServer } = await import('./serve-web.mjs');
  const port = Number(process.env.PORT ?? 5178);
  const server = await startWebServer({ port, root: join(root, 'dist', 'renderer') });
  console.log(`Kluis (browser host) on ${server.url} — open it in a browser; Ctrl+C stops it.`);
  console.log(
    'It may connect to a sync server on this machine; for another, start it with KLUIS_SYNC_SERVER=https://… set.',
  );
};

if (webOnly) {
  await startBrowserHost();
} else {
  const binary = electronBinary();
  if (binary) {
    run('build');
    const child = spawn(binary, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log(
      'Electron is not installed on this machine (its binary could not be downloaded); starting the browser host instead.',
    );
    await startBrowserHost();
  }
}
