// Kluis unlock benchmark (issue 18): the real app, built into dist/bench-unlock, in Debian's Chromium.
// For each size (10,000 and 100,000 people) a fresh profile gets the app's own vault with that many
// people (bench/unlock/page/seed.ts: the renderer's vault store and createMany, then lock, which writes
// the directory snapshot). Then, each a fresh page load of the app:
//   - with a snapshot: passphrase entered, Unlock clicked, until the People grid's first row is painted;
//   - without (an unlock after a crash, snapshot dropped): the same, and until the list holds everyone;
//   - the anchor, in the same profile: the same people as plaintext rows in a plain Dexie table, opened,
//     read, sorted as the list sorts and the first screen painted;
//   - Argon2id alone (Vault.unlock, on the page), which both unlock figures include; the app runs it in its
//     KDF worker, and its marks (vault-store.ts) say when the keys were open and when the list loaded, so
//     each unlock also reports the time from its keys to its painted list.
// Medians of BENCH_RUNS runs. It asserts nothing: a missed target is printed, the exit code stays 0.
// Figures go to bench/results/unlock-latest.json, stamped with the commit and the load average.
//
//   npm run bench:unlock                                   10,000 and 100,000 people, 3 runs
//   BENCH_UNLOCK_SIZES=10000 BENCH_RUNS=5 npm run bench:unlock
import { chromium } from 'playwright-core';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { startWebServer } from '../scripts/serve-web.mjs';
import { intEnv, PASSPHRASE, treeState, treeStateText } from './env.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = path.join(root, 'dist', 'bench-unlock');
const resultsFile = path.join(root, 'bench', 'results', 'unlock-latest.json');

const config = {
  sizes: (process.env.BENCH_UNLOCK_SIZES ?? '10000,100000').split(',').map((s) => Number.parseInt(s, 10)),
  runs: intEnv('BENCH_RUNS', 3),
  seed: intEnv('BENCH_SEED', 20261129),
  /** Longest wait for a list to fill after an unlock without a snapshot. */
  timeoutMs: intEnv('BENCH_UNLOCK_TIMEOUT_MS', 600_000),
};

const TARGETS = {
  snapshot: { maxMs: 1000, label: '≤ 1 s (issue 18)' },
  cold: { maxMs: 2000, label: '≤ 2 s (issue 18)' },
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const started = Date.now();
const say = (message) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/**
 * In the app's page, on the unlock screen with the passphrase filled in: clicks Unlock and times, with
 * performance.now(), the first painted row of the People grid (the frame after it is in the DOM), and
 * until the list no longer says it is loading. What the list says at its first paint is returned too.
 */
/* global document, requestAnimationFrame -- timeUnlock runs in the page, through page.evaluate */
const timeUnlock = (timeoutMs) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  const firstRow = () => document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]');
  const loadingText = () =>
    [...document.querySelectorAll('[role="status"]')]
      .map((e) => e.textContent ?? '')
      .find((t) => /^Loading /.test(t));
  const countText = () =>
    [...document.querySelectorAll('[role="status"]')]
      .map((e) => e.textContent ?? '')
      .find((t) => /people$/.test(t));
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Unlock');
  if (!button) throw new Error('no Unlock button');
  // The app's User Timing marks (vault-store.ts): the keys opened (Argon2id included), the directory loaded.
  const markMs = (phase) => {
    const entry = performance.getEntriesByName(`kluis:unlock:${phase}`, 'mark').at(-1);
    return entry ? entry.startTime - start : null;
  };
  performance.clearMarks();
  let start = 0;
  return (async () => {
    start = performance.now();
    button.click();
    while (!firstRow()) {
      if (performance.now() - start > timeoutMs) throw new Error('no row after the timeout');
      await frame();
    }
    await frame(); // the frame after the one the row was laid out in: it has been painted
    const firstListMs = performance.now() - start;
    const atFirstPaint = { loading: loadingText() ?? null, count: countText() ?? null };
    const phases = { keysMs: markMs('keys'), directoryMs: markMs('directory') };
    while (loadingText()) {
      if (performance.now() - start > timeoutMs) throw new Error(`still loading after ${timeoutMs} ms`);
      await frame();
    }
    const fullListMs = performance.now() - start;
    return { firstListMs, fullListMs, atFirstPaint, count: countText() ?? null, phases };
  })();
};

const openBrowser = async () => {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kluis-bench-unlock-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('[bench] ') && text !== '[bench] ready') say(`  ${text.slice(8)}`);
  });
  page.on('pageerror', (error) => say(`  page exception: ${error.message}`));
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { page, close, version: context.browser()?.version() ?? 'unknown' };
};

/** The helper page (seed, drop the snapshot, Argon2id, anchor), loaded afresh for each call. */
const helper = async (page, url, fn, arg = {}) => {
  await page.goto(`${url}/seed/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => 'kluisUnlock' in globalThis, null, { timeout: 60_000 });
  return page.evaluate(([name, a]) => globalThis.kluisUnlock[name](a), [fn, arg]);
};

/** One unlock of the app, on a fresh page load: the unlock screen, the passphrase, then timed. */
const unlockApp = async (page, url) => {
  await page.goto('about:blank'); // the same URL again would only change the hash, not load the app afresh
  await page.goto(`${url}/#/people`, { waitUntil: 'load' });
  await page
    .getByRole('heading', { name: 'Unlock Kluis' })
    .waitFor({ timeout: 60_000 })
    .catch(async (error) => {
      const shot = path.join(os.tmpdir(), `kluis-bench-unlock-${Date.now()}.png`);
      await page.screenshot({ path: shot });
      throw new Error(`no unlock screen (see ${shot}): ${error.message}`);
    });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  return page.evaluate(timeUnlock, config.timeoutMs);
};

/** The unlock's phases, from the app's marks: keys opened (Argon2id included), then the list painted. */
const phasesText = ({ firstListMs, phases }) =>
  phases?.keysMs == null
    ? ''
    : `; keys opened at ${secs(phases.keysMs)}, list painted ${secs(firstListMs - phases.keysMs)} after`;

const measureSize = async (url, people) => {
  const browser = await openBrowser();
  const { page } = browser;
  try {
    say(`${people.toLocaleString('en')} people: seeding the app's vault in a fresh profile`);
    const seeded = await helper(page, url, 'seed', {
      count: people,
      seed: config.seed,
      passphrase: PASSPHRASE,
    });
    say(`  stored in ${secs(seeded.insertMs)}, locked (snapshot written) in ${secs(seeded.lockMs)}`);
    const runs = { snapshot: [], cold: [], anchor: [], kdf: [] };
    for (let run = 1; run <= config.runs; run++) {
      const warm = await unlockApp(page, url);
      runs.snapshot.push(warm);
      say(`  run ${run}: with snapshot, first painted list ${secs(warm.firstListMs)}${phasesText(warm)}`);
    }
    for (let run = 1; run <= config.runs; run++) {
      // The previous run's page may have been left before its full load wrote a snapshot: nothing to drop.
      const { dropped } = await helper(page, url, 'dropSnapshot');
      const cold = { ...(await unlockApp(page, url)), droppedSnapshot: dropped };
      runs.cold.push(cold);
      say(
        `  run ${run}: without snapshot, first painted list ${secs(cold.firstListMs)} ` +
          `(${cold.atFirstPaint.loading ?? 'not loading'}), everyone listed ${secs(cold.fullListMs)} (${cold.count})` +
          phasesText(cold),
      );
    }
    for (let run = 1; run <= config.runs; run++) {
      const anchor = await helper(page, url, 'anchor');
      runs.anchor.push(anchor);
      const kdf = await helper(page, url, 'kdf', { passphrase: PASSPHRASE });
      runs.kdf.push(kdf);
      say(
        `  run ${run}: anchor (raw Dexie, plaintext) first screen by index ${secs(anchor.firstListMs)}, ` +
          `read all and sort ${secs(anchor.readAllMs)}; Argon2id alone ${secs(kdf.ms)}`,
      );
    }
    return { people, seeded, runs, browserVersion: browser.version };
  } finally {
    await browser.close();
  }
};

const summarise = ({ people, seeded, runs }) => {
  const figure = (values) => ({ medianMs: round(median(values)), runsMs: values.map((v) => round(v)) });
  const anchor = figure(runs.anchor.map((r) => r.firstListMs));
  const withTarget = (values, target) => {
    const f = figure(values);
    return {
      ...f,
      ratio: round(f.medianMs / anchor.medianMs, 2),
      target: target.label,
      met: f.medianMs <= target.maxMs,
    };
  };
  /** From the keys opened (Argon2id, on or off the page, included) to the first painted list. */
  const phases = (list) => {
    const timed = list.filter((r) => r.phases?.keysMs != null);
    if (!timed.length) return null;
    return {
      keysOpened: figure(timed.map((r) => r.phases.keysMs)),
      afterKeys: figure(timed.map((r) => r.firstListMs - r.phases.keysMs)),
    };
  };
  return {
    people,
    seeded,
    phases: { snapshot: phases(runs.snapshot), cold: phases(runs.cold) },
    snapshot: withTarget(
      runs.snapshot.map((r) => r.firstListMs),
      TARGETS.snapshot,
    ),
    cold: {
      ...withTarget(
        runs.cold.map((r) => r.firstListMs),
        TARGETS.cold,
      ),
      fullList: figure(runs.cold.map((r) => r.fullListMs)),
      atFirstPaint: runs.cold.map((r) => r.atFirstPaint.loading),
      count: runs.cold.map((r) => r.count),
    },
    anchor: {
      ...anchor,
      label: 'first screen by a name index',
      what: 'raw Dexie, plaintext rows with an index on the sort name: open, read the first screen in order, paint it',
    },
    anchorReadAll: {
      ...figure(runs.anchor.map((r) => r.readAllMs)),
      what: 'raw Dexie: open, read every plaintext row, sort as the list does, paint the first screen',
    },
    argon2id: figure(runs.kdf.map((r) => r.ms)),
  };
};

/** Each unlock includes Argon2id, which the machine's load stretches: the medians without it, too. */
const withoutKdf = (r) => ({
  snapshotMs: round(r.snapshot.medianMs - r.argon2id.medianMs),
  coldMs: round(r.cold.medianMs - r.argon2id.medianMs),
});
const summariseAll = (size) => {
  const r = summarise(size);
  return { ...r, afterArgon2id: withoutKdf(r) };
};

const main = async () => {
  try {
    await stat(path.join(distDir, 'index.html'));
    await stat(path.join(distDir, 'seed', 'index.html'));
  } catch {
    console.error(
      `${distDir} is missing: run "npm run bench:unlock" (it builds the app and the page first).`,
    );
    process.exitCode = 1;
    return;
  }
  const server = await startWebServer({ root: distDir });
  const before = await treeState(root);
  say(
    `Kluis unlock benchmark: ${config.sizes.join(', ')} people, ${config.runs} runs, serving ${server.url}`,
  );
  say(treeStateText(before));
  const sizes = [];
  try {
    for (const people of config.sizes) sizes.push(await measureSize(server.url, people));
  } finally {
    await server.close();
  }
  const after = await treeState(root);
  const results = sizes.map(summariseAll);
  for (const r of results) {
    const line = (label, f) =>
      `  ${label.padEnd(34)} ${secs(f.medianMs).padStart(9)}  ${`${f.ratio}x anchor`.padStart(12)}  ${f.target} ${f.met ? 'met' : 'MISSED'}`;
    console.log(`\n${r.people.toLocaleString('en')} people (medians of ${config.runs})`);
    console.log(line('unlock → first list, snapshot', r.snapshot));
    console.log(line('unlock → first list, no snapshot', r.cold));
    console.log(
      `  ${'  no snapshot: everyone listed'.padEnd(34)} ${secs(r.cold.fullList.medianMs).padStart(9)}`,
    );
    console.log(`  ${'anchor: raw Dexie first screen'.padEnd(34)} ${secs(r.anchor.medianMs).padStart(9)}`);
    console.log(
      `  ${'anchor: raw Dexie read all + sort'.padEnd(34)} ${secs(r.anchorReadAll.medianMs).padStart(9)}`,
    );
    console.log(`  ${'of each unlock: Argon2id'.padEnd(34)} ${secs(r.argon2id.medianMs).padStart(9)}`);
    for (const [label, p] of [
      ['snapshot', r.phases.snapshot],
      ['no snapshot', r.phases.cold],
    ])
      if (p)
        console.log(
          `  ${`${label}: keys, then list`.padEnd(34)} ${secs(p.keysOpened.medianMs).padStart(9)} / ${secs(p.afterKeys.medianMs)}`,
        );
    console.log(
      `  ${'after Argon2id: snapshot / none'.padEnd(34)} ${secs(r.afterArgon2id.snapshotMs).padStart(9)} / ${secs(r.afterArgon2id.coldMs)}`,
    );
  }
  const json = {
    bench: 'unlock',
    command: 'npm run bench:unlock',
    date: new Date().toISOString(),
    commit: before.commit,
    tree: { before, after },
    loadAverage: { before: before.loadAverage, after: after.loadAverage },
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(os.totalmem() / 2 ** 30),
      chromium: sizes[0]?.browserVersion,
      node: process.version,
    },
    runs: config.runs,
    targets: TARGETS,
    sizes: results,
  };
  await writeFile(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  say(`wrote ${path.relative(root, resultsFile)}`);
};

await main();
