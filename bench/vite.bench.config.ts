// Builds the benchmark page: the real shared/ code on RxDB + Dexie (IndexedDB), plus plain Dexie for the
// yardstick, into dist/bench. bench/run.mjs serves it with the app's CSP and drives it in Chromium.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  publicDir: false,
  resolve: {
    // Dexie refuses to load twice in one page: the yardstick uses the very copy RxDB's storage uses.
    alias: { dexie: fileURLToPath(new URL('../node_modules/rxdb/node_modules/dexie', import.meta.url)) },
  },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
});
