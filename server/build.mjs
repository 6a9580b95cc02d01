// Bundles the sync server (server/main.ts and the shared/ code it uses) into dist/server/main.mjs with
// esbuild; npm packages stay external and load from node_modules (better-sqlite3 is native).
// With --renderer (what `npm run server` runs), it first builds the browser host into dist/renderer when
// that is missing or older than its sources, so a fresh checkout serves the app at / in one step.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rendererState } from './renderer-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv.includes('--renderer')) {
  const state = rendererState(root);
  if (state !== 'fresh') {
    process.stderr.write(`Building the browser host (dist/renderer is ${state}); this takes a minute...\n`);
    const vite = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (vite.status !== 0) {
      process.stderr.write(
        'Building the browser host failed (see above); the server would serve the API only.\n',
      );
      process.exit(vite.status ?? 1);
    }
  }
}

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
});
