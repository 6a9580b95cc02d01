// First-sync benchmark (issue 18): a new laptop signs in to a server that holds N people, in Chromium.
//   Kluis: the renderer's own stores (bench/first-sync/page/kluis.ts: RxDB on Dexie/IndexedDB, the real
//     SyncClient, real envelopes) against the real server (server/app.ts, embedded SQLite) on 127.0.0.1,
//     which also serves the page. The server's account is seeded through the real encryption and written
//     straight into its storage (client-server.ts seedAccount), as bench/sync.ts does.
//   Anchor: PouchDB (pouchdb-browser, IndexedDB) replicating the same count of documents of the same JSON
//     size from pouchdb-server (express-pouchdb on PouchDB's memory adapter) into a fresh profile.
// Each run opens a fresh persistent profile per side, so the IndexedDB size on disk can be measured. Run
// through bench/first-sync.mjs; prints figures and asserts nothing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { MIME_TYPES, resolveInside } from '../scripts/static-files.mjs';
import { createApp } from '../server/app';
import { openSqliteLinks } from '../server/storage/links-sqlite';
import { openSqliteTerritories } from '../server/storage/territories';
import { openStorage, seedAccount } from './client-server';
import { benchSize, intEnv, PASSPHRASE } from './env.mjs';
import { median, round, writeBenchResults } from './figures';
import { generatePeople } from './people-generator';

// The bundle runs from dist/bench-first-sync/, two levels below the root.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pagesDir = path.join(root, 'dist', 'bench-first-sync-pages');
const require = createRequire(import.meta.url);

/** BENCH_PEOPLE defaults to 10,000 here (the other benches' 100,000 takes minutes per side and run). */
const config = { ...benchSize(), people: intEnv('BENCH_PEOPLE', 10_000) };

/** BENCH_ANCHOR=0 runs the Kluis side only and writes no results file (for looking into one figure). */
const withAnchor = process.env.BENCH_ANCHOR !== '0';
/** Ends the run early without a failure. */
class Exit extends Error {}

const TARGETS = {
  ratio: { max: 0.5, label: 'Kluis ≤ 0.5x PouchDB' },
  usable100k: { max: 60_000, label: '100,000 people usable ≤ 60 s' },
  heap100k: { max: 300, label: 'page heap with 100,000 people ≤ 300 MB (peak during the sync)' },
  rss: { max: 1024, label: 'renderer resident memory (page and workers) during the sync < 1 GB' },
  disk: { max: 1.2, label: 'IndexedDB on disk ≤ 1.2x PouchDB' },
};

const started = Date.now();
const say = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => round(bytes / 2 ** 20);

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
/** The commit, and whether the measured code (shared/, server/, renderer/) had uncommitted changes. */
const treeState = () => {
  const dirty = git('status', '--porcelain', '--', 'shared', 'server', 'renderer')
    .split('\n')
    .filter(Boolean);
  const clean = (folder: string) => !dirty.some((line) => line.slice(3).startsWith(`${folder}/`));
  return {
    head: git('rev-parse', '--short', 'HEAD'),
    clean: { shared: clean('shared'), server: clean('server'), renderer: clean('renderer') },
    dirty,
  };
};

/** Bytes of every file under `dir` (0 when it does not exist). */
const dirBytes = async (dir: string): Promise<number> => {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await dirBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
};

/** Serves the built pages (dist/bench-first-sync-pages) for the anchor's origin. */
const servePage = async (req: IncomingMessage, res: ServerResponse) => {
  const file = resolveInside(pagesDir, (req.url ?? '/').split(/[?#]/)[0] ?? '/');
  if (!file || !(await stat(file).catch(() => null))?.isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
};

/**
 * pouchdb-server's CouchDB API (express-pouchdb on PouchDB's memory adapter) under /db, beside the anchor
 * page, holding `count` documents of `bytes` JSON bytes each: an id and an incompressible base64 payload,
 * as a Kluis envelope's ciphertext is.
 */
const startPouchServer = async (count: number, bytes: number) => {
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'))
    .defaults({ adapter: 'memory' });
  const couch = require('express-pouchdb')(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const db = new PouchDB('bench');
  // Random bytes in base64, like a sealed envelope's ciphertext: nothing for IndexedDB's compression.
  const payload = (length: number) =>
    randomBytes(Math.ceil((length * 3) / 4) + 3)
      .toString('base64')
      .slice(0, length);
  for (let i = 0; i < count; i += 1000) {
    const docs = [];
    for (let j = i; j < Math.min(count, i + 1000); j++) {
      const _id = `person-${String(j).padStart(7, '0')}`;
      docs.push({ _id, payload: payload(bytes - JSON.stringify({ _id, payload: '' }).length) });
    }
    await db.bulkDocs(docs);
  }
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/db/')) {
      req.url = req.url.slice(3);
      couch(req, res);
    } else void servePage(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, docCount: (await db.info()).doc_count as number };
};

interface Sampled<T> {
  result: T;
  heapPeakMB: number;
  /** Resident memory of the profile's renderer processes together (the page and its workers), peak. */
  rssPeakMB: number;
  heapAfterGcMB: number;
  indexedDbMB: number;
  profileMB: number;
}

/**
 * Resident memory (bytes, VmRSS) of the renderer processes of the Chromium running on `profile`: the page
 * and any worker it starts. Found in /proc as the children of the browser process named by the profile.
 */
const rendererRss = async (profile: string): Promise<number> => {
  const entries = (await readdir('/proc').catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  const procs = new Map<string, { ppid: string; rss: number; renderer: boolean; root: boolean }>();
  await Promise.all(
    entries.map(async (pid) => {
      try {
        const [cmdline, status] = await Promise.all([
          readFile(`/proc/${pid}/cmdline`, 'utf8'),
          readFile(`/proc/${pid}/status`, 'utf8'),
        ]);
        // Zygote children rewrite their title: arguments separated by spaces instead of NULs.
        const args = cmdline.split(/[\0 ]/);
        procs.set(pid, {
          ppid: /PPid:\s+(\d+)/.exec(status)?.[1] ?? '',
          rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024,
          renderer: args.includes('--type=renderer'),
          root: !args.some((a) => a.startsWith('--type=')) && args.includes(`--user-data-dir=${profile}`),
        });
      } catch {
        // the process ended meanwhile
      }
    }),
  );
  const mine = new Set([...procs].filter(([, p]) => p.root).map(([pid]) => pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs)
      if (!mine.has(pid) && mine.has(p.ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  return [...mine].reduce((sum, pid) => sum + (procs.get(pid)!.renderer ? procs.get(pid)!.rss : 0), 0);
};

const heapUsed = async (cdp: CDPSession) =>
  (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

/**
 * Opens `url` in Chromium on a fresh persistent profile, runs `work` on the page while sampling the page's
 * JS heap (CDP, every 250 ms), then collects garbage and reads the heap again, closes the browser and
 * measures the profile's IndexedDB on disk.
 */
const inFreshProfile = async <T>(
  tag: string,
  url: string,
  ready: string,
  work: (page: Page) => Promise<T>,
): Promise<Sampled<T>> => {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kluis-bench-first-sync-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    let heapPeak = 0;
    let rssPeak = 0;
    let heapAfterGc = 0;
    let result: T;
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith('[bench] ') && text !== '[bench] ready') say(`${tag}: ${text.slice(8)}`);
        // A failed request is told below, with its address.
        else if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
          say(`${tag}: page error: ${text}`);
      });
      page.on('pageerror', (error) => say(`${tag}: page exception: ${error.message}`));
      page.on('response', (response) => {
        // PouchDB asks for its replication checkpoint (_local/…), which a first replication has not made.
        if (response.status() >= 400 && !response.url().includes('/_local/'))
          say(`${tag}: ${response.status()} for ${response.url()}`);
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction((name) => name in globalThis, ready, { timeout: 60_000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      // BENCH_CPU_THROTTLE=<n>: the page runs n times slower, as on a machine under load (the pages of a
      // sync then arrive further apart, which is when the 100,000 run's heap grew).
      const throttle = intEnv('BENCH_CPU_THROTTLE', 1);
      if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      // BENCH_PROFILE=<file>: the Kluis side's CPU profile (Chrome DevTools format) is written there.
      const profileTo = tag.includes('Kluis') ? process.env.BENCH_PROFILE : undefined;
      if (profileTo) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
        await cdp.send('Profiler.start');
      }
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          heapPeak = Math.max(heapPeak, await heapUsed(cdp).catch(() => 0));
          rssPeak = Math.max(rssPeak, await rendererRss(profile));
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      try {
        result = await work(page);
      } finally {
        sampling = false;
        await sampler;
      }
      if (profileTo) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        await writeFile(profileTo, JSON.stringify(cpu));
        say(`${tag}: CPU profile written to ${profileTo}`);
      }
      await cdp.send('HeapProfiler.collectGarbage');
      heapAfterGc = await heapUsed(cdp);
      // BENCH_HEAP_SNAPSHOT=<file>: the Kluis page's heap after the sync and GC, for DevTools' Memory tab.
      const heapTo = tag.includes('Kluis') ? process.env.BENCH_HEAP_SNAPSHOT : undefined;
      if (heapTo) {
        const chunks: string[] = [];
        const take = (event: { chunk: string }) => void chunks.push(event.chunk);
        cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
        await writeFile(heapTo, chunks.join(''));
        say(`${tag}: heap snapshot written to ${heapTo}`);
      }
    } finally {
      await context.close();
    }
    return {
      result,
      heapPeakMB: mb(heapPeak),
      rssPeakMB: mb(rssPeak),
      heapAfterGcMB: mb(heapAfterGc),
      indexedDbMB: mb(await dirBytes(path.join(profile, 'Default', 'IndexedDB'))),
      profileMB: mb(await dirBytes(profile)),
    };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
};

interface LongTasks {
  count: number;
  totalMs: number;
  maxMs: number;
  longest: { startMs: number; ms: number }[];
}

interface KluisRun {
  signInMs: number;
  listMs: number;
  syncDoneMs: number;
  firstDoneClaimMs: number | null;
  firstLastSyncedMs: number | null;
  listCount: number;
  counts: [number, number][];
  /** The directory's snapshot written during the sync, times. */
  snapshotWrites: number;
  longTasks: LongTasks;
  syncLongTasks: LongTasks;
  search: { query: string; ms: number; hits: number }[];
}

interface PouchRun {
  replicateMs: number;
  listMs: number;
  docsWritten: number;
  adapter: string;
  longTasks: LongTasks;
}

const loadBefore = os.loadavg().map((l) => round(l));
const tree = treeState();
say(
  `first sync of ${config.people.toLocaleString('en')} people, ${config.runs} run(s); commit ${tree.head}, ` +
    `load average ${loadBefore.join(' / ')}`,
);

const opened = await openStorage('sqlite', '', 'first-sync');
await opened.storage.migrate();
// With the link and territory routes, as server/main.ts starts it (the app polls the links for clicks and
// asks for its territory grants at every catch-up; without the routes each ask was a 404 in the log).
const linksDir = await mkdtemp(path.join(os.tmpdir(), 'kluis-bench-first-sync-links-'));
const links = openSqliteLinks(path.join(linksDir, 'links.sqlite'));
await links.migrate();
const territories = openSqliteTerritories(path.join(linksDir, 'territories.sqlite'));
await territories.migrate();
const app = createApp({ storage: opened.storage, links, territories, log: false, staticRoot: pagesDir });
const kluisUrl = await app.listen({ port: 0, host: '127.0.0.1' });
let anchor: Server | undefined;
try {
  const seeded = await seedAccount(
    opened.storage,
    kluisUrl,
    generatePeople(config.people, config.seed),
    PASSPHRASE,
  );
  const recordBytes = Math.round(seeded.recordBytes.reduce((a, b) => a + b, 0) / seeded.recordBytes.length);
  say(
    `Kluis server seeded: ${seeded.documents.toLocaleString('en')} documents (${seeded.recordBytes.length.toLocaleString('en')} records, ` +
      `${recordBytes} bytes of JSON each on average) in ${secs(seeded.seedMs + seeded.pushMs)}`,
  );
  const pouch = withAnchor ? await startPouchServer(config.people, recordBytes) : null;
  anchor = pouch?.server;
  if (pouch)
    say(`pouchdb-server seeded: ${pouch.docCount.toLocaleString('en')} documents of ${recordBytes} bytes`);

  const timeoutMs = Math.max(600_000, config.people * 30);
  const runs: { run: number; kluis: Sampled<KluisRun>; pouch: Sampled<PouchRun> }[] = [];
  for (let run = 1; run <= config.runs; run++) {
    const kluis = await inFreshProfile(
      `run ${run} Kluis`,
      `${kluisUrl}/index.html?side=kluis`,
      'kluisFirstSync',
      (page) =>
        page.evaluate(
          (input) =>
            (
              globalThis as unknown as { kluisFirstSync: { firstSync(i: typeof input): Promise<KluisRun> } }
            ).kluisFirstSync.firstSync(input),
          { userId: seeded.link.userId, passphrase: PASSPHRASE, people: config.people, timeoutMs },
        ),
    );
    const k = kluis.result;
    say(
      `run ${run} Kluis: signed in ${secs(k.signInMs)}, list shows everyone ${secs(k.listMs)}, sync says done ` +
        `${secs(k.syncDoneMs)} (first claimed done at ${k.firstDoneClaimMs === null ? '-' : secs(k.firstDoneClaimMs)}); ` +
        `${k.longTasks.count} long tasks (${k.syncLongTasks.count} once signed in), ${secs(k.longTasks.totalMs)} in all ` +
        `(${secs(k.syncLongTasks.totalMs)}), longest ${k.longTasks.maxMs} ms (${k.syncLongTasks.maxMs} ms); ` +
        `heap peak ${kluis.heapPeakMB} MB, after GC ${kluis.heapAfterGcMB} MB; renderer RSS peak ${kluis.rssPeakMB} MB; ` +
        `IndexedDB ${kluis.indexedDbMB} MB; ` +
        `snapshot written ${k.snapshotWrites} times`,
    );
    if (!pouch) continue;
    const anchorRun = await inFreshProfile(
      `run ${run} PouchDB`,
      `${pouch.url}/index.html?side=pouch`,
      'pouchFirstSync',
      (page) =>
        page.evaluate(
          (docs) =>
            (
              globalThis as unknown as {
                pouchFirstSync: { replicate(i: { docs: number }): Promise<PouchRun> };
              }
            ).pouchFirstSync.replicate({ docs }),
          config.people,
        ),
    );
    const p = anchorRun.result;
    say(
      `run ${run} PouchDB: replicated ${secs(p.replicateMs)}, counted ${secs(p.listMs)}; ${p.longTasks.count} long tasks; ` +
        `heap peak ${anchorRun.heapPeakMB} MB, after GC ${anchorRun.heapAfterGcMB} MB; renderer RSS peak ` +
        `${anchorRun.rssPeakMB} MB; IndexedDB ${anchorRun.indexedDbMB} MB`,
    );
    runs.push({ run, kluis, pouch: anchorRun });
  }

  // BENCH_ANCHOR=0 (while looking for a cause): the Kluis runs are printed above, nothing is written.
  if (!withAnchor) throw new Exit();
  const m = (pick: (r: (typeof runs)[0]) => number) => median(runs.map(pick));
  const summary = {
    kluisSignInMs: m((r) => r.kluis.result.signInMs),
    kluisListMs: m((r) => r.kluis.result.listMs),
    kluisSyncDoneMs: m((r) => r.kluis.result.syncDoneMs),
    pouchReplicateMs: m((r) => r.pouch.result.listMs),
    kluisHeapPeakMB: m((r) => r.kluis.heapPeakMB),
    kluisHeapAfterGcMB: m((r) => r.kluis.heapAfterGcMB),
    pouchHeapPeakMB: m((r) => r.pouch.heapPeakMB),
    kluisRssPeakMB: m((r) => r.kluis.rssPeakMB),
    pouchRssPeakMB: m((r) => r.pouch.rssPeakMB),
    pouchHeapAfterGcMB: m((r) => r.pouch.heapAfterGcMB),
    kluisIndexedDbMB: m((r) => r.kluis.indexedDbMB),
    pouchIndexedDbMB: m((r) => r.pouch.indexedDbMB),
    kluisLongTasks: m((r) => r.kluis.result.longTasks.count),
    kluisLongTasksTotalMs: m((r) => r.kluis.result.longTasks.totalMs),
    kluisLongestTaskMs: m((r) => r.kluis.result.longTasks.maxMs),
    kluisSyncLongTasks: m((r) => r.kluis.result.syncLongTasks.count),
    kluisSyncLongTasksTotalMs: m((r) => r.kluis.result.syncLongTasks.totalMs),
    kluisSyncLongestTaskMs: m((r) => r.kluis.result.syncLongTasks.maxMs),
    pouchLongTasks: m((r) => r.pouch.result.longTasks.count),
    pouchLongestTaskMs: m((r) => r.pouch.result.longTasks.maxMs),
  };
  const ratios = {
    listRatio: Math.round((summary.kluisListMs / summary.pouchReplicateMs) * 100) / 100,
    syncDoneRatio: Math.round((summary.kluisSyncDoneMs / summary.pouchReplicateMs) * 100) / 100,
  };
  const targets = {
    ratio: {
      ...TARGETS.ratio,
      met: ratios.listRatio <= TARGETS.ratio.max && ratios.syncDoneRatio <= TARGETS.ratio.max,
    },
    usable100k: {
      ...TARGETS.usable100k,
      met: config.people >= 100_000 ? summary.kluisListMs <= TARGETS.usable100k.max : null,
    },
    heap100k: {
      ...TARGETS.heap100k,
      met: config.people >= 100_000 ? summary.kluisHeapPeakMB <= TARGETS.heap100k.max : null,
    },
    rss: { ...TARGETS.rss, met: summary.kluisRssPeakMB < TARGETS.rss.max },
    disk: { ...TARGETS.disk, met: summary.kluisIndexedDbMB <= TARGETS.disk.max * summary.pouchIndexedDbMB },
  };
  const verdict = (met: boolean | null) =>
    met === null ? 'not measured at this size' : met ? 'met' : 'MISSED';
  const loadAfter = os.loadavg().map((l) => round(l));

  console.log('');
  console.log(
    `First sync — ${config.people.toLocaleString('en')} people (${recordBytes} bytes of JSON each), ${runs.length} run(s), ` +
      `medians; commit ${tree.head} (shared/ ${tree.clean.shared ? 'clean' : 'MODIFIED'}, server/ ${tree.clean.server ? 'clean' : 'MODIFIED'}, ` +
      `renderer/ ${tree.clean.renderer ? 'clean' : 'MODIFIED'}); load average ${loadBefore.join(' / ')} before, ${loadAfter.join(' / ')} after`,
  );
  /** A time's median and every run's. */
  const timeRow = (label: string, pick: (r: (typeof runs)[0]) => number): [string, string, string] => [
    label,
    secs(m(pick)),
    runs.map((r) => secs(pick(r))).join(' / '),
  ];
  const rows: [string, string, string][] = [
    timeRow('Kluis: sign-in', (r) => r.kluis.result.signInMs),
    timeRow('Kluis: sign-in → list shows everyone', (r) => r.kluis.result.listMs),
    timeRow('Kluis: sign-in → sync says done', (r) => r.kluis.result.syncDoneMs),
    timeRow('PouchDB: replicate → all counted', (r) => r.pouch.result.listMs),
    ['Ratio Kluis list / PouchDB', `${ratios.listRatio}x`, ''],
    ['Ratio Kluis done / PouchDB', `${ratios.syncDoneRatio}x`, ''],
    ['Kluis page heap peak / after GC', `${summary.kluisHeapPeakMB} / ${summary.kluisHeapAfterGcMB} MB`, ''],
    [
      'PouchDB page heap peak / after GC',
      `${summary.pouchHeapPeakMB} / ${summary.pouchHeapAfterGcMB} MB`,
      '',
    ],
    ['Renderer RSS peak Kluis / PouchDB', `${summary.kluisRssPeakMB} / ${summary.pouchRssPeakMB} MB`, ''],
    ['IndexedDB on disk Kluis / PouchDB', `${summary.kluisIndexedDbMB} / ${summary.pouchIndexedDbMB} MB`, ''],
    [
      'Kluis long tasks from sign-in (count, total, longest)',
      `${summary.kluisLongTasks}, ${secs(summary.kluisLongTasksTotalMs)}, ${summary.kluisLongestTaskMs} ms`,
      runs.map((r) => r.kluis.result.longTasks.count).join(' / '),
    ],
    [
      '  of which once signed in (the sync)',
      `${summary.kluisSyncLongTasks}, ${secs(summary.kluisSyncLongTasksTotalMs)}, ${summary.kluisSyncLongestTaskMs} ms`,
      runs.map((r) => r.kluis.result.syncLongTasks.count).join(' / '),
    ],
    [
      'PouchDB long tasks (count, longest)',
      `${summary.pouchLongTasks}, ${summary.pouchLongestTaskMs} ms`,
      '',
    ],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows)
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    );
  console.log(`Target ${targets.ratio.label} (list and done): ${verdict(targets.ratio.met)}`);
  console.log(`Target ${targets.usable100k.label}: ${verdict(targets.usable100k.met)}`);
  for (const target of [targets.heap100k, targets.rss, targets.disk])
    console.log(`Target ${target.label}: ${verdict(target.met)}`);

  // The default size's file is first-sync-latest.json; another size keeps its own beside it.
  await writeBenchResults(config.people === 10_000 ? 'first-sync' : `first-sync-${config.people}`, {
    head: tree.head,
    tree: tree.clean,
    dirty: tree.dirty,
    loadAverageBefore: loadBefore,
    command: `BENCH_PEOPLE=${config.people} BENCH_RUNS=${config.runs} npm run bench:first-sync`,
    kluis:
      'renderer stores (vault, join, sync) in Chromium, RxDB on Dexie/IndexedDB; real server (SQLite) on 127.0.0.1',
    anchor:
      'PouchDB 9 (pouchdb-browser, IndexedDB) replicating from express-pouchdb 4.2 (memory adapter) on 127.0.0.1',
    config: { people: config.people, runs: config.runs, seed: config.seed, recordBytes },
    targets,
    summary: { ...summary, ...ratios },
    runs,
  });
} catch (error) {
  if (!(error instanceof Exit)) throw error;
} finally {
  anchor?.close();
  await app.close();
  await links.close();
  await territories.close();
  await rm(linksDir, { recursive: true, force: true });
  await opened.destroy();
}
process.exit(0);
