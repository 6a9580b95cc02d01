// Builds the benchmark page: the real shared/ code on RxDB + Dexie (IndexedDB), plus plain Dexie for the
// yardstick, into dist/bench. bench/run.mjs serves it with the app's CSP and drives it in Chromium.
import { defineConfig } from 'vite';
import { benchPage, RXDB_DEXIE } from './vite-page';

export default defineConfig(benchPage('page', 'bench', RXDB_DEXIE));
