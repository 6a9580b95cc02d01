// Builds the first-sync benchmark's page into dist/bench-first-sync-pages: with ?side=kluis the renderer's
// own stores (served by the real Kluis server), with ?side=pouch the PouchDB anchor (served beside
// pouchdb-server). bench/first-sync.ts drives both in Chromium.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('./first-sync/page', import.meta.url)),
  base: './',
  publicDir: false,
  // pouchdb-browser imports Node's 'events': the browser build of it (the events package) stands in.
  resolve: { alias: { events: fileURLToPath(new URL('../node_modules/events/events.js', import.meta.url)) } },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench-first-sync-pages', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
