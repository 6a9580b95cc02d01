// Kluis benchmark runner: serves dist/bench (built by bench/vite.bench.config.ts) on 127.0.0.1 with the
// app's CSP, drives it in Debian's Chromium through playwright-core, and prints a table of medians against
// the targets of ARCHITECTURE.md ("Measured baseline"). It asserts nothing: a missed target is reported,
// and the exit code stays 0. Figures also go to bench/results/latest.json.
//
// Each results file is stamped with the commit, whether shared/ and renderer/ had uncommitted changes,
// and the machine's load average before and after.
//
//   npm run bench                      100,000 people, 3 runs: insert beside raw Dexie, unlock, search
//   npm run bench:import               the whole import beside createMany (bench/results/import-latest.json)
//   BENCH_PEOPLE=10000 BENCH_RUNS=3 npm run bench:import
import { chromium } from 'playwright-core';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { readContentSecurityPolicy } from '../scripts/serve-web.mjs';
import { benchSize, intEnv, PASSPHRASE, treeState, treeStateText } from './env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'dist', 'bench');
const resultsFile = path.join(root, 'bench', 'results', 'latest.json');

const config = {
  ...benchSize(),
  searchRepetitions: intEnv('BENCH_SEARCH_REPS', 5),
  /** RxDB's multiInstance, as renderer/platform/storage.ts opens the database (BENCH_MULTI_INSTANCE=0: off). */
  multiInstance: process.env.BENCH_MULTI_INSTANCE !== '0',
  /** Also split the import into phases (validate, encrypt, writes) in a database of its own. */
  phases: process.env.BENCH_PHASES === '1',
  passphrase: PASSPHRASE,
  queries: [
    'annelies',
    'de vries',
    'jansen',
    'pieter smit',
    'voorbeeld.nl',
    '06 12',
    '0612',
    'bram@',
    'van der',
    'klant',
  ],
};

const TARGETS = {
  insertRatio: { max: 2, label: '≤ 2x (issue 18)' },
  unlockFirstList: { max: 2000, label: '< 2 s (naive 7.6 s)' },
  searchP95: { max: 16, label: '< 16 ms' },
};

// The app's CSP, read from shared/platform/csp.ts as the browser host does. COOP/COEP make the page
// cross-origin isolated, so performance.now() has 5 µs resolution instead of 100 µs; they do not change
// what the page may load.
const CSP = readContentSecurityPolicy();

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

const serve = () =>
  new Promise((resolve, reject) => {
    const server = createServer(async (req, res) => {
      const headers = {
        'Content-Security-Policy': CSP,
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      };
      try {
        const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
        const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
        const file = path.resolve(distDir, `.${relative}`);
        if (!file.startsWith(distDir + path.sep) || !(await stat(file)).isFile())
          throw new Error('not found');
        res.writeHead(200, {
          ...headers,
          'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        });
        createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
        res.end('not found');
      }
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Nearest-rank percentile. */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms) => `${ms.toFixed(2)} ms`;
const times = (x) => `${x.toFixed(2)}x`;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const say = (message) => console.log(`[${elapsed()}] ${message}`);

const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * The processes of the Chromium started with this profile (the browser and its descendants), from /proc:
 * for each, what `parse` reads from /proc/<pid>/<file> and its arguments (it returns the parent's pid as
 * `ppid` and `root` for the browser process itself). Empty where /proc is unavailable.
 */
const profileProcesses = async (profile, file, parse) => {
  const entries = await readdir('/proc').catch(() => []);
  const procs = new Map();
  await Promise.all(
    entries
      .filter((e) => /^\d+$/.test(e))
      .map(async (pid) => {
        try {
          const [cmdline, text] = await Promise.all([
            readFile(`/proc/${pid}/cmdline`, 'utf8'),
            readFile(`/proc/${pid}/${file}`, 'utf8'),
          ]);
          // Zygote children rewrite their title: arguments separated by spaces instead of NULs.
          procs.set(pid, parse(text, cmdline.split(/[\0 ]/)));
        } catch {
          // the process ended meanwhile
        }
      }),
  );
  const mine = new Set([...procs].filter(([, p]) => p.root).map(([pid]) => pid));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of procs) {
      if (!mine.has(pid) && mine.has(p.ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  return [...mine].map((pid) => procs.get(pid));
};

/**
 * CPU seconds used so far by each kind of Chromium process of this profile (browser, renderer, gpu,
 * utility:<service>), from /proc: where the time goes, e.g. how much of an insert is IndexedDB's backend
 * (in the browser process) rather than the page. Empty where /proc is unavailable.
 */
const cpuByProcess = async (profile) => {
  const procs = await profileProcesses(profile, 'stat', (statText, args) => {
    const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
    return {
      ppid: fields[1],
      cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      kind: type ? (sub ? `${type}:${sub}` : type) : 'browser',
      root: !type && args.some((a) => a === `--user-data-dir=${profile}`),
    };
  });
  const out = {};
  for (const { kind, cpu } of procs) out[kind] = (out[kind] ?? 0) + cpu;
  return out;
};

/** Wall time, the page's main-thread busy time (CDP TaskDuration) and CPU per process kind of one step. */
const measured = async (profile, cdp, work) => {
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const [cpu0, m0] = [await cpuByProcess(profile), await metrics()];
  const start = Date.now();
  const result = await work();
  const wallS = (Date.now() - start) / 1000;
  const [cpu1, m1] = [await cpuByProcess(profile), await metrics()];
  const cpuS = Object.fromEntries(
    Object.keys(cpu1)
      .map((k) => [k, round(cpu1[k] - (cpu0[k] ?? 0), 2)])
      .filter(([, v]) => v > 0),
  );
  return {
    result,
    usage: { wallS: round(wallS, 2), mainThreadBusyS: round(m1.TaskDuration - m0.TaskDuration, 2), cpuS },
  };
};

const usageText = ({ wallS, mainThreadBusyS, cpuS }) =>
  `wall ${wallS} s, page main thread busy ${mainThreadBusyS} s, CPU s ${Object.entries(cpuS)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`;

/** A Chromium with a fresh on-disk profile (a persistent context: an incognito one keeps IndexedDB in RAM). */
const openBrowser = async (url, tag) => {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kluis-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ') && text !== '[bench] ready') say(`${tag}: ${text.slice(8)}`);
    else if (message.type() === 'error') say(`${tag}: page error: ${text}`);
  });
  page.on('pageerror', (error) => say(`${tag}: page exception: ${error.message}`));
  let cdp;
  /** Loads the page afresh (a new JS heap), as restarting the app would. */
  const load = async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => 'kluisBench' in globalThis, null, { timeout: 60_000 });
    cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
  };
  const call = (name, arg = {}) =>
    page.evaluate(([fn, a]) => globalThis.kluisBench[fn](a), [name, { multi: config.multiInstance, ...arg }]);
  /** A call with its wall time, the page's main-thread busy time and CPU per Chromium process. */
  const callMeasured = (name, arg) => measured(profile, cdp, () => call(name, arg));
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  await load();
  const version = context.browser()?.version() ?? (await page.evaluate(() => globalThis.navigator.userAgent));
  return { load, call, callMeasured, close, version, profile, cdp: () => cdp };
};

/** One run: insert (with the yardstick), snapshot, reload + unlock + search, reload + cold unlock. */
const runOnce = async (url, run) => {
  const tag = `run ${run}`;
  const browser = await openBrowser(url, tag);
  const { load, call, callMeasured } = browser;
  try {
    const prepared = await call('prepare', { count: config.people, seed: config.seed });
    say(`${tag}: generated ${config.people.toLocaleString('en')} people in ${secs(prepared.generateMs)}`);

    const { result: raw, usage: rawUsage } = await callMeasured('rawInsert');
    say(`${tag}: raw Dexie bulkPut ${secs(raw.ms)} (${raw.stored.toLocaleString('en')} rows)`);
    say(`${tag}:   ${usageText(rawUsage)}`);

    const { result: insert, usage: insertUsage } = await callMeasured('encryptedInsert', {
      passphrase: config.passphrase,
    });
    say(`${tag}: encrypted createMany ${secs(insert.ms)} = ${times(insert.ms / raw.ms)} raw`);
    say(`${tag}:   ${usageText(insertUsage)} (includes creating the vault)`);
    if (insert.stored !== config.people) throw new Error(`stored ${insert.stored} of ${config.people}`);

    const snapshot = await call('buildSnapshot');
    say(
      `${tag}: directory built in ${secs(snapshot.loadMs)}, snapshot written in ${secs(snapshot.snapshotWriteMs)}`,
    );

    await load();
    const { result: warm, usage: unlockUsage } = await callMeasured('unlock', {
      passphrase: config.passphrase,
    });
    say(
      `${tag}: unlock → first list ${secs(warm.firstListMs)} (Argon2id ${secs(warm.kdfMs)}), indexed ${secs(warm.indexedMs)}`,
    );
    const search = await call('search', { queries: config.queries, repetitions: config.searchRepetitions });
    const searchMedian = median(search.samples);
    const searchP95 = percentile(search.samples, 95);
    if (warm.snapshot) {
      const { readMs, decryptMs, parseMs, megabytes } = warm.snapshot;
      say(
        `${tag}:   snapshot (${megabytes.toFixed(1)} MB) re-read ${secs(readMs)}, decrypt ${secs(decryptMs)}, parse ${secs(parseMs)}`,
      );
    }
    say(`${tag}: search median ${millis(searchMedian)}, p95 ${millis(searchP95)}`);
    await call('close');

    await load();
    await call('dropSnapshot');
    await load();
    const cold = await call('unlock', { passphrase: config.passphrase, split: config.phases });
    say(`${tag}: cold unlock → first list ${secs(cold.firstListMs)}, indexed ${secs(cold.indexedMs)}`);
    for (const [part, ms] of Object.entries(cold.coldSplit ?? {}))
      say(`${tag}:   cold path, ${part}: ${secs(ms)}`);
    await call('close');

    return {
      run,
      browserVersion: browser.version,
      crossOriginIsolated: prepared.crossOriginIsolated,
      timerResolutionMs: prepared.timerResolutionMs,
      generateMs: prepared.generateMs,
      raw,
      insert,
      ratio: insert.ms / raw.ms,
      usage: { rawInsert: rawUsage, encryptedInsert: insertUsage, unlock: unlockUsage },
      snapshot,
      warm,
      cold,
      search: {
        keystrokes: search.keystrokes,
        samples: search.samples.length,
        medianMs: searchMedian,
        p95Ms: searchP95,
        maxMs: Math.max(...search.samples),
        firstKeystrokeMs: search.firstKeystrokeMs,
        slowest: search.slowest,
        hitsPerQuery: search.hitsPerQuery,
      },
    };
  } finally {
    await browser.close();
  }
};

/** BENCH_PHASES=1: the import's phases, one write step per fresh profile (see phases() in the page). */
const runPhases = async (url) => {
  const out = {};
  const probe = await openBrowser(url, 'phases');
  const writes = await probe.call('phaseWrites').finally(() => probe.close());
  for (const write of writes) {
    const tag = `phases [${write}]`;
    const browser = await openBrowser(url, tag);
    try {
      await browser.call('prepare', { count: config.people, seed: config.seed });
      const { result, usage } = await browser.callMeasured('phases', {
        passphrase: config.passphrase,
        write,
      });
      for (const [phase, ms] of Object.entries(result)) {
        if (write !== 'none' && !phase.startsWith('write:')) continue; // the CPU phases: from 'none' only
        out[phase] = { ms: round(ms, 1), ...(phase.startsWith('write:') && { usage }) };
        say(
          `${tag}: ${phase} ${secs(ms)}${phase.startsWith('write:') ? ` (${usageText(usage)}, all phases)` : ''}`,
        );
      }
    } finally {
      await browser.close();
    }
  }
  return out;
};

const main = async () => {
  try {
    await stat(path.join(distDir, 'index.html'));
  } catch {
    console.error(`${distDir} is missing: run "npm run bench" (it builds the page first).`);
    process.exitCode = 1;
    return;
  }
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  say(`Kluis benchmark: ${config.people.toLocaleString('en')} people, ${config.runs} run(s), serving ${url}`);
  const before = await treeState(root);
  say(treeStateText(before));
  const runs = [];
  let phases = null;
  try {
    for (let run = 1; run <= config.runs; run++) {
      say(`run ${run}/${config.runs}: fresh profile`);
      runs.push(await runOnce(url, run));
    }
    if (config.phases) phases = await runPhases(url);
  } finally {
    server.close();
  }
  await report(runs, phases, before);
};

const report = async (runs, phases, before) => {
  const after = await treeState(root);
  const machine = {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    chromium: runs[0].browserVersion,
    node: process.version,
    crossOriginIsolated: runs[0].crossOriginIsolated,
    timerResolutionMs: runs[0].timerResolutionMs,
  };
  const metric = (label, unit, values, format, target) => {
    const value = median(values);
    return {
      label,
      unit,
      median: round(value, 3),
      runs: values.map((v) => round(v, 3)),
      format,
      ...(target && { target: target.label, pass: value <= target.max }),
    };
  };
  const of = (pick) => runs.map(pick);
  const metrics = {
    insertEncryptedMs: metric(
      'Insert: createMany, encrypted',
      'ms',
      of((r) => r.insert.ms),
      secs,
    ),
    insertRawMs: metric(
      `Insert: raw Dexie bulkPut (${runs[0].raw.chunk}/call)`,
      'ms',
      of((r) => r.raw.ms),
      secs,
    ),
    insertRatio: metric(
      'Insert ratio encrypted/raw',
      'x',
      of((r) => r.ratio),
      times,
      TARGETS.insertRatio,
    ),
    unlockFirstListMs: metric(
      'Unlock → first 50 rows (snapshot)',
      'ms',
      of((r) => r.warm.firstListMs),
      secs,
      TARGETS.unlockFirstList,
    ),
    unlockKdfMs: metric(
      '  of which Argon2id (vault.unlock)',
      'ms',
      of((r) => r.warm.kdfMs),
      secs,
    ),
    unlockIndexedMs: metric(
      'Unlock → search indexed (snapshot)',
      'ms',
      of((r) => r.warm.indexedMs),
      secs,
    ),
    coldFirstListMs: metric(
      'Unlock → first 50 rows (cold, no snapshot)',
      'ms',
      of((r) => r.cold.firstListMs),
      secs,
    ),
    coldIndexedMs: metric(
      'Unlock → search indexed (cold)',
      'ms',
      of((r) => r.cold.indexedMs),
      secs,
    ),
    searchMedianMs: metric(
      'Search per keystroke: median',
      'ms',
      of((r) => r.search.medianMs),
      millis,
    ),
    searchP95Ms: metric(
      'Search per keystroke: p95',
      'ms',
      of((r) => r.search.p95Ms),
      millis,
      TARGETS.searchP95,
    ),
    searchMaxMs: metric(
      'Search per keystroke: max',
      'ms',
      of((r) => r.search.maxMs),
      millis,
    ),
    searchFirstMs: metric(
      'Search: first keystroke after indexing',
      'ms',
      of((r) => r.search.firstKeystrokeMs),
      millis,
    ),
    extraOpenDbMs: metric(
      '(extra) open DB + load libsodium',
      'ms',
      of((r) => r.warm.openMs),
      secs,
    ),
    extraDirectoryBuildMs: metric(
      '(extra) directory build after import',
      'ms',
      of((r) => r.snapshot.loadMs),
      secs,
    ),
    extraSnapshotWriteMs: metric(
      '(extra) snapshot write',
      'ms',
      of((r) => r.snapshot.snapshotWriteMs),
      secs,
    ),
  };

  const rows = Object.values(metrics).map((m) => [
    m.label,
    m.format(m.median),
    m.runs.map((v) => m.format(v)).join(' / '),
    m.target ?? '',
    m.target ? (m.pass ? 'PASS' : 'MISS') : '',
  ]);
  const header = ['Measurement', 'Median', 'All runs', 'Target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();

  console.log('');
  console.log(
    `Kluis benchmark — ${config.people.toLocaleString('en')} people, ${runs.length} run(s), medians`,
  );
  console.log(`Before: ${treeStateText(before)}`);
  console.log(`After:  ${treeStateText(after)}`);
  console.log(
    `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.platform}; ` +
      `Chromium ${machine.chromium}; Node ${machine.node}`,
  );
  console.log(
    `Timer: ${machine.crossOriginIsolated ? 'cross-origin isolated' : 'not isolated'}, ` +
      `performance.now() resolution ${machine.timerResolutionMs} ms`,
  );
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
  console.log(
    `Search: ${runs[0].search.keystrokes} keystrokes × ${config.searchRepetitions} repetitions per run; ` +
      `slowest ${millis(runs[0].search.slowest.ms)} for "${runs[0].search.slowest.query}" (run 1).`,
  );
  if (phases) {
    console.log('');
    console.log('Import phases (BENCH_PHASES=1; one sample each, every write step in a fresh profile):');
    const width = Math.max(...Object.keys(phases).map((k) => k.length));
    for (const [phase, { ms, usage }] of Object.entries(phases)) {
      const cpu = usage ? `   ${usageText(usage)} (whole call)` : '';
      console.log(`  ${phase.padEnd(width)}  ${secs(ms).padStart(8)}${cpu}`);
    }
  }
  console.log('A benchmark asserts nothing: misses are reported, the exit code is 0.');

  const json = {
    date: new Date().toISOString(),
    ...before,
    loadAverage: { before: before.loadAverage, after: after.loadAverage },
    command: `BENCH_PEOPLE=${config.people} BENCH_RUNS=${config.runs} npm run bench`,
    machine,
    config: { ...config, passphrase: undefined, chunk: runs[0].raw.chunk },
    targets: TARGETS,
    metrics: Object.fromEntries(Object.entries(metrics).map(([key, { format: _format, ...m }]) => [key, m])),
    runs: runs.map((r) => ({ ...r, browserVersion: undefined })),
    ...(phases && { phases }),
  };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Wrote ${path.relative(root, resultsFile)}`);
};

// ---------------------------------------------------------------------------------------------------
// `node bench/run.mjs import` (npm run bench:import): the whole import (bench/page/import-bench.ts) beside
// createMany of the same people, instead of the benchmark above. BENCH_PROFILE=1 adds a profiled import.
// ---------------------------------------------------------------------------------------------------

/**
 * Resident memory (MB) of this profile's renderer processes — the page and its import worker: all of it
 * (VmRSS, which counts the pages of Chromium's own binary and shared libraries the process touched), and
 * its anonymous part (RssAnon: heaps, WebAssembly memory, buffers — what the page itself allocated).
 */
const rendererRssMB = async (profile) => {
  const procs = await profileProcesses(profile, 'status', (status, args) => ({
    ppid: /PPid:\s+(\d+)/.exec(status)?.[1],
    rssKB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
    anonKB: Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0),
    renderer: args.includes('--type=renderer'),
    root: !args.some((a) => a.startsWith('--type=')) && args.includes(`--user-data-dir=${profile}`),
  }));
  const renderers = procs.filter((p) => p.renderer);
  const sum = (key) => renderers.reduce((total, p) => total + p[key], 0);
  return { rss: sum('rssKB') / 1024, anon: sum('anonKB') / 1024 };
};

/**
 * Runs one page call while sampling, every 200 ms, the renderer's resident memory and the page's V8 heap
 * (Chrome DevTools Protocol; the worker's heap is in the RSS only); returns both peaks. The heap beside
 * the RSS tells JavaScript-held memory from what Blink and IndexedDB hold.
 */
const withRssPeak = async (profile, work, cdp) => {
  const first = await rendererRssMB(profile);
  let peak = first.rss;
  let anonPeak = first.anon;
  let heapPeak = 0;
  let sampling = true;
  const heapMB = async () => {
    if (!cdp) return 0;
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0) / 2 ** 20;
  };
  const sampler = (async () => {
    while (sampling) {
      const [rss, heap] = await Promise.all([rendererRssMB(profile), heapMB().catch(() => 0)]);
      peak = Math.max(peak, rss.rss);
      anonPeak = Math.max(anonPeak, rss.anon);
      heapPeak = Math.max(heapPeak, heap);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    return { result: await work(), rssPeakMB: peak, anonPeakMB: anonPeak, heapPeakMB: heapPeak };
  } finally {
    sampling = false;
    await sampler;
  }
};

/** The targets of issue 18 for the whole import, judged on the medians. */
const IMPORT_TARGETS = {
  ratio: { max: 1.3, label: 'whole import ≤ 1.3x createMany' },
  rssMB: { max: 1024, label: "renderer's resident memory < 1 GB" },
};

/** The functions that held the page's main thread longest (self time) in a CDP CPU profile. */
const topFunctions = (profile, count = 20) => {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    const key =
      `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    totalMs: round(total, 0),
    top: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([fn, ms]) => ({ fn, ms: round(ms, 0), percent: round((ms / total) * 100, 1) })),
  };
};

/** Opens a fresh profile and page, prepares the rows, runs `work`, and closes it all again. */
const inFreshPage = async (url, run, keepPeople, work) => {
  const browser = await openBrowser(url, `run ${run}`);
  try {
    const prepared = await browser.call('importPrepare', {
      count: config.people,
      seed: config.seed,
      keepPeople,
    });
    return await work(browser.call, browser.profile, browser.cdp(), prepared, browser.version);
  } finally {
    await browser.close();
  }
};

/** One side of a run in a fresh browser: its time, memory peaks and CPU per Chromium process. */
const importSide = async (url, run, side) => {
  const arg = { passphrase: config.passphrase, run };
  const fn = side === 'import' ? 'importThroughWorker' : 'importDirect';
  return inFreshPage(url, run, side !== 'import', async (call, profile, cdp, prepared, version) => {
    const { result, ...memory } = await withRssPeak(
      profile,
      () => measured(profile, cdp, () => call(fn, arg)),
      cdp,
    );
    const out = {
      ...result.result,
      ...memory,
      usage: result.usage,
      csvMB: prepared.csvMB,
      chromium: version,
    };
    if (out.stored !== config.people)
      throw new Error(`${side}: stored ${out.stored} of ${config.people} people`);
    say(
      `run ${run}: ${side === 'import' ? 'whole import (file chosen → everyone listed)' : 'createMany'} ${secs(out.ms)}; ` +
        `renderer RSS peak ${out.rssPeakMB.toFixed(0)} MB (anonymous ${out.anonPeakMB.toFixed(0)} MB), page heap peak ` +
        `${out.heapPeakMB.toFixed(0)} MB; ${usageText(out.usage)}`,
    );
    return out;
  });
};

/**
 * BENCH_PROFILE=1: one more import, untimed, with the page's main thread under the CDP profiler from the
 * file chosen to everyone listed (the page brackets that span with console.profile).
 */
const profileImport = async (url) =>
  inFreshPage(url, 'profile', false, async (call, _profile, cdp) => {
    const finished = new Promise((resolve) => cdp.once('Profiler.consoleProfileFinished', resolve));
    await cdp.send('Profiler.enable');
    const result = await call('importThroughWorker', { passphrase: config.passphrase, run: 0 });
    const { profile } = await finished;
    return { result, mainThread: topFunctions(profile) };
  });

const runImportBench = async () => {
  const before = await treeState(root);
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  say(
    `Kluis import benchmark: ${config.people.toLocaleString('en')} people, ${config.runs} run(s); ${treeStateText(before)}`,
  );
  const runs = [];
  let profiled = null;
  try {
    for (let run = 1; run <= config.runs; run++) {
      // Each side in a browser of its own (the import's peak holds no parsed copy from the other side),
      // in turns: odd runs start with createMany, even runs with the import, so a load that drifts
      // over the run does not favour one side.
      const order = run % 2 ? ['direct', 'import'] : ['import', 'direct'];
      const sides = {};
      for (const side of order) sides[side] = await importSide(url, run, side);
      const ratio = sides.import.ms / sides.direct.ms;
      say(`run ${run}: whole import / createMany = ${times(ratio)}`);
      runs.push({ run, direct: sides.direct, import: sides.import, ratio });
    }
    if (process.env.BENCH_PROFILE === '1') profiled = await profileImport(url);
  } finally {
    server.close();
  }
  const after = await treeState(root);
  const m = (pick) => round(median(runs.map(pick)), 1);
  const summary = {
    createManyMs: m((r) => r.direct.ms),
    importMs: m((r) => r.import.ms),
    ratio: round(median(runs.map((r) => r.ratio)), 3),
    importReadMs: m((r) => r.import.readMs),
    importAnalyseMs: m((r) => r.import.analyseMs),
    importPlanMs: m((r) => r.import.planMs),
    importCommitMs: m((r) => r.import.commitMs),
    importListMs: m((r) => r.import.listMs),
    importRssPeakMB: m((r) => r.import.rssPeakMB),
    importAnonPeakMB: m((r) => r.import.anonPeakMB),
    importHeapPeakMB: m((r) => r.import.heapPeakMB),
    createManyRssPeakMB: m((r) => r.direct.rssPeakMB),
    createManyAnonPeakMB: m((r) => r.direct.anonPeakMB),
    createManyHeapPeakMB: m((r) => r.direct.heapPeakMB),
  };
  const targets = {
    ratio: { ...IMPORT_TARGETS.ratio, value: summary.ratio, met: summary.ratio <= IMPORT_TARGETS.ratio.max },
    rssMB: {
      ...IMPORT_TARGETS.rssMB,
      value: summary.importRssPeakMB,
      met: summary.importRssPeakMB < IMPORT_TARGETS.rssMB.max,
    },
  };
  const all = (pick, format) => runs.map((r) => format(pick(r))).join(' / ');
  const mb = (v) => `${v.toFixed(0)} MB`;
  console.log('');
  console.log(
    `Import benchmark — ${config.people.toLocaleString('en')} people (CSV ${runs[0].import.csvMB.toFixed(1)} MB), ` +
      `${runs.length} run(s), medians; Chromium ${runs[0].import.chromium}`,
  );
  console.log(`  before: ${treeStateText(before)}`);
  console.log(`  after:  ${treeStateText(after)}`);
  console.log(
    `  createMany of the parsed people       ${secs(summary.createManyMs)}  (${all((r) => r.direct.ms, secs)})`,
  );
  console.log(
    `  whole import, file → everyone listed  ${secs(summary.importMs)}  (${all((r) => r.import.ms, secs)})`,
  );
  console.log(`    read (worker)                       ${secs(summary.importReadMs)}`);
  console.log(`    map + duplicates (worker)           ${secs(summary.importAnalyseMs)}`);
  console.log(`    plan                                ${secs(summary.importPlanMs)}`);
  console.log(`    commit (commitImport)               ${secs(summary.importCommitMs)}`);
  console.log(`    until the directory lists everyone  ${secs(summary.importListMs)}`);
  console.log(
    `  whole import / createMany             ${times(summary.ratio)}  (${all((r) => r.ratio, times)}; ` +
      `target ≤ ${IMPORT_TARGETS.ratio.max}x: ${targets.ratio.met ? 'met' : 'MISSED'})`,
  );
  console.log(
    `  renderer RSS peak, import             ${mb(summary.importRssPeakMB)}  (${all((r) => r.import.rssPeakMB, mb)}; ` +
      `target < 1 GB: ${targets.rssMB.met ? 'met' : 'MISSED'})`,
  );
  console.log(
    `    of which anonymous (RssAnon)        ${mb(summary.importAnonPeakMB)}; page V8 heap peak ${mb(summary.importHeapPeakMB)}`,
  );
  console.log(
    `  renderer RSS peak, createMany         ${mb(summary.createManyRssPeakMB)} (anonymous ${mb(summary.createManyAnonPeakMB)}, ` +
      `page V8 heap ${mb(summary.createManyHeapPeakMB)})`,
  );
  if (profiled) {
    console.log(
      `  profiled import (untimed): page main thread, top self time of ${profiled.mainThread.totalMs} ms sampled:`,
    );
    for (const { fn, ms, percent } of profiled.mainThread.top)
      console.log(`    ${String(ms).padStart(7)} ms ${String(percent).padStart(5)}%  ${fn}`);
  }
  console.log('A benchmark asserts nothing: misses are reported, the exit code is 0.');
  const file = path.join(root, 'bench', 'results', 'import-latest.json');
  await writeFile(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        ...before,
        loadAverage: { before: before.loadAverage, after: after.loadAverage },
        command: `BENCH_PEOPLE=${config.people} BENCH_RUNS=${config.runs} npm run bench:import`,
        machine: {
          cores: os.cpus().length,
          cpu: os.cpus()[0]?.model,
          chromium: runs[0].import.chromium,
          node: process.version,
        },
        config: { people: config.people, runs: config.runs, seed: config.seed },
        targets,
        summary,
        runs,
        ...(profiled && { profile: profiled }),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${path.relative(root, file)}`);
};

(process.argv[2] === 'import' || process.env.BENCH_IMPORT === '1' ? runImportBench : main)().catch(
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
