// Whether the browser host (dist/renderer) is missing or older than what it is built from, so that
// `npm run server` on a fresh checkout builds it before serving: a manager setting up the office server
// should not need to know about `vite build`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the renderer build reads, relative to the repository root. */
export const RENDERER_SOURCES = [
  'renderer',
  'shared',
  'vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.renderer.json',
  'package-lock.json',
];

/** The newest modification time (ms) of a file or of any file below a directory; 0 when none. */
export const newestMtime = (target) => {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
};

/** 'missing', 'stale' or 'fresh': dist/renderer/index.html against every source of the build. */
export const rendererState = (root) => {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return 'missing';
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...RENDERER_SOURCES.map((name) => newestMtime(path.join(root, name))));
  return sources > built ? 'stale' : 'fresh';
};
