// Builds the unlock benchmark's helper page (bench/unlock/page) into dist/bench-unlock/seed, beside the
// app itself, which `npm run bench:unlock` builds into dist/bench-unlock first: served from one origin,
// the helper page reaches the app's IndexedDB database. bench/unlock.mjs drives both in Chromium.
import { defineConfig } from 'vite';
import { benchPage, RXDB_DEXIE } from './vite-page';

export default defineConfig(benchPage('unlock/page', 'bench-unlock/seed', RXDB_DEXIE));
