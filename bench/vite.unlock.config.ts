// Builds the unlock benchmark's helper page (bench/unlock/page) into dist/bench-unlock/seed, beside the
// app itself, which `npm run bench:unlock` builds into dist/bench-unlock first: served from one origin,
// the helper page reaches the app's IndexedDB database. bench/unlock.mjs drives both in Chromium.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./unlock/page', import.meta.url)),
  base: './',
  publicDir: false,
  resolve: {
    // Dexie refuses to load twice in one page: the anchor uses the very copy RxDB's storage uses.
    alias: { dexie: fileURLToPath(new URL('../node_modules/rxdb/node_modules/dexie', import.meta.url)) },
  },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench-unlock/seed', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
