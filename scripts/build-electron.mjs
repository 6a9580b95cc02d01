// Bundles Electron's main process and preload into dist-electron/*.cjs with esbuild. The preload runs in a
// sandbox where `require` knows only 'electron', so the build fails if it pulls in anything else.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22 and Chromium 140.
  target: ['node22', 'chrome140'],
  external: ['electron'],
  sourcemap: production ? false : 'linked',
  minify: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

const targets = [
  { entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' },
  { entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' },
];

const results = await Promise.all(targets.map((target) => build({ ...common, ...target })));

/** Every module the sandboxed preload would have to `require` at run time. */
const preloadRequires = Object.values(results[1].metafile.outputs)
  .flatMap((output) => output.imports)
  .filter((imported) => imported.external)
  .map((imported) => imported.path);
const forbidden = preloadRequires.filter((name) => name !== 'electron');
if (forbidden.length > 0) {
  console.error(
    `preload.cjs requires ${forbidden.join(', ')}; a sandboxed preload may only require 'electron'.`,
  );
  process.exit(1);
}

for (const target of targets) console.log(`built ${target.outfile}`);
