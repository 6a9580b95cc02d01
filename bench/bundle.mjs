// Runs a Node benchmark written in TypeScript: bundles bench/<name>.ts (and the real client and server
// code it imports) with esbuild, as server/build.mjs does, into dist/bench-<name>/<name>.mjs and imports it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const runBundled = async (name) => {
  const outfile = path.join(root, 'dist', `bench-${name}`, `${name}.mjs`);
  await build({
    entryPoints: [`bench/${name}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  await import(pathToFileURL(outfile).href);
};
