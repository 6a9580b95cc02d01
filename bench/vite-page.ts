// The Vite settings every benchmark page shares: a page under bench/ built on its own into dist/, with
// relative paths (served from one folder), no public directory, and no size warnings for the store's
// large chunk. Each bench's config names its page and where it goes.
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Dexie refuses to load twice in one page: an anchor on raw Dexie uses the very copy RxDB's storage uses. */
export const RXDB_DEXIE = { dexie: here('../node_modules/rxdb/node_modules/dexie') };

export const benchPage = (page: string, outDir: string, alias: Record<string, string> = {}): UserConfig => ({
  root: here(`./${page}`),
  base: './',
  publicDir: false,
  resolve: { alias },
  logLevel: 'warn',
  build: {
    outDir: here(`../dist/${outDir}`),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
