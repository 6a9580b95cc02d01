// Key-rotation benchmark (issue 14: "at 100,000 people the rotation runs in the background with progress;
// target: 100,000 people re-wrapped in under 60 s, with no frame blocked for more than 50 ms"). The real
// client code (shared/sync/rotation.ts, shared/store/data-keys.ts, RxDB) in Node with RxDB memory
// storage, against the real server (server/app.ts) over HTTP on 127.0.0.1, on the embedded SQLite default
// and on PostgreSQL. The server runs in a worker thread, so its request handling (JSON bodies, SQLite's
// synchronous writes) does not land on the event loop measured here, as it would not on a user's screen.
//
// Set-up, not measured: an admin device imports BENCH_PEOPLE people the way the app imports
// (people.createMany with its defaults: the import chunk and key-page size of the code measured; the number
// of key pages is reported), links to the server and pushes everything with its sync client; a member joins
// by invite and syncs. Then, per run (each a new epoch):
//   1. the rotation the admin waits for, from rotatePageKey(ctx, 'manual') until the epoch is finished on
//      the server: grant + register (rotatePageKey), local re-wrap (catchUpKeys), push (the admin's live
//      sync client, as in the app, until in sync), finish (catchUpKeys again);
//   2. the event loop meanwhile: node:perf_hooks monitorEventLoopDelay, max and p99, and which phase the
//      long blocks fell in. The Node event loop stands in for the renderer's main thread: the app runs the
//      same code on the page's thread, where IndexedDB does its I/O off the thread; RxDB memory storage does
//      its work on this one, so the figure is a conservative proxy;
//   3. the member's catch-up after it: catchUpKeys (adopt), a sync (pull the re-wrapped pages),
//      catchUpKeys (destroy the older page key);
//   4. an anchor: opening every sealed data key with the old page key and sealing it with a new one
//      (EnvelopeCipher, a tight loop, no storage, no JSON): the floor any re-wrap pays.
// Run through bench/rotation.mjs (esbuild bundle). Prints figures and asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Session as InspectorSession } from 'node:inspector/promises';
import { constants as perfConstants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createApp } from '../server/app';
import { wipe } from '../shared/crypto/bytes';
import type { EnvelopeCipher } from '../shared/crypto/envelope';
import { KDF_FLOOR } from '../shared/crypto/kdf';
import type { KeyDoc } from '../shared/store/schemas';
import type { KluisDatabase } from '../shared/store/database';
import { connectVault } from '../shared/sync/account';
import { joinOrganisation } from '../shared/sync';
import { type AccountLink } from '../shared/sync';
import { completeInvites, inviteUser } from '../shared/sync/admin';
import { sessionPendingInvites } from '../shared/sync/pending-invites';
import type { SyncClient } from '../shared/sync/replication';
import { catchUpKeys, rotatePageKey, type KeyContext, type RotationProgress } from '../shared/sync/rotation';
import { newPageKey } from '../shared/vault/page-keys';
import { type PageKey } from '../shared/store';
import type { Session } from '../shared/vault/session';
import { Vault } from '../shared/vault/vault';
import type { AdapterName } from './client-server';
import { memoryDatabase, openStorage, serverFromEnv, syncClient, unwrap } from './client-server';
import { machine, median, percentile, round, writeResults } from './figures';
import { benchSize, PASSPHRASE } from './env.mjs';
import { generatePeople } from './people-generator';

const config = {
  ...benchSize(),
  ...serverFromEnv(),
  /** A folder: the first run's admin and member windows are CPU-profiled there (slower; for finding blocks). */
  cpuProfileDir: process.env.BENCH_CPU_PROFILE || null,
  passphrase: PASSPHRASE,
  memberPassphrase: 'een ander wachtwoord',
};

const TARGETS = {
  totalMs: { max: 60_000, label: 'rotation < 60 s for 100k' },
  maxBlockMs: { max: 50, label: 'no event-loop block > 50 ms' },
};

/** monitorEventLoopDelay's timer: it records the time between its ticks, so a block of B ms reads B..B+5. */
const LOOP_RESOLUTION_MS = 5;
/** The block watch (which phase a long block fell in) ticks as often and keeps gaps above the target. */
const BLOCK_REPORT_MS = TARGETS.maxBlockMs.max;
/** A re-wrap slice this long is not the ~8 ms of crypto rewrapPages aims at. */
const HEAVY_SLICE_MS = 25;

// ----------------------------------------------------------------------------------------------------
// The server, in a worker thread
// ----------------------------------------------------------------------------------------------------

interface ServerWorkerData {
  readonly kluisBenchServer: true;
  readonly adapter: AdapterName;
  readonly postgresUrl: string;
}

/** Worker side: the real server on one adapter until the main thread says 'close'. */
const serveInWorker = async (data: ServerWorkerData): Promise<void> => {
  const port = parentPort!;
  const opened = await openStorage(data.adapter, data.postgresUrl, 'rotation');
  await opened.storage.migrate();
  const app = createApp({ storage: opened.storage, log: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  port.once('message', () => {
    void (async () => {
      await app.close();
      await opened.destroy();
      port.postMessage({ closed: true });
    })();
  });
  port.postMessage({ url });
};

interface ServerHandle {
  readonly url: string;
  close(): Promise<void>;
}

const startServerWorker = (adapter: AdapterName): Promise<ServerHandle> =>
  new Promise((resolve, reject) => {
    const data: ServerWorkerData = { kluisBenchServer: true, adapter, postgresUrl: config.postgresUrl };
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
    worker.once('error', reject);
    worker.once('message', (message: { url: string }) =>
      resolve({
        url: message.url,
        close: () =>
          new Promise<void>((done) => {
            worker.once('message', () => void worker.terminate().then(() => done()));
            worker.postMessage('close');
          }),
      }),
    );
  });

// ----------------------------------------------------------------------------------------------------
// Figures
// ----------------------------------------------------------------------------------------------------

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Phase = 'grant' | 'rewrap' | 'push' | 'finish' | 'member-adopt' | 'member-pull' | 'member-destroy';

/**
 * Which phase long blocks fell in: a timer as fine as the histogram's, keeping every gap between its ticks
 * above the target with the phase at its start and end (a gap is the block plus up to one tick).
 */
class BlockWatch {
  phase: Phase = 'grant';
  /** `startUs`, when profiling: the block's start on the monotonic clock of the CPU profile's timestamps. */
  readonly blocks: { phase: Phase; endPhase?: Phase; ms: number; atMs: number; startUs?: number }[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = 0;
  private lastPhase: Phase = 'grant';
  private started = 0;

  start(): void {
    this.started = this.last = performance.now();
    this.lastPhase = this.phase;
    this.timer = setInterval(() => {
      const now = performance.now();
      const gap = now - this.last;
      if (gap > BLOCK_REPORT_MS) {
        // Phases change right after the synchronous work that ends them: a block is the start phase's.
        this.blocks.push({
          phase: this.lastPhase,
          ...(this.lastPhase === this.phase ? {} : { endPhase: this.phase }),
          ms: round(gap),
          atMs: round(this.last - this.started),
          ...(config.cpuProfileDir
            ? { startUs: Math.round(Number(process.hrtime.bigint() / 1000n) - gap * 1000) }
            : {}),
        });
      }
      this.last = now;
      this.lastPhase = this.phase;
    }, LOOP_RESOLUTION_MS);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const loopFigures = (histogram: ReturnType<typeof monitorEventLoopDelay>) => ({
  maxMs: round(histogram.max / 1e6),
  p99Ms: round(histogram.percentile(99) / 1e6),
  meanMs: round(histogram.mean / 1e6),
  samples: histogram.count,
});

/** Garbage collection meanwhile: a pause of the collector blocks the loop as work does. */
class GcWatch {
  private readonly pauses: { ms: number; major: boolean }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      this.pauses.push({ ms: entry.duration, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR });
    }
  });

  start(): void {
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop() {
    this.observer.disconnect();
    const major = this.pauses.filter((p) => p.major);
    return {
      count: this.pauses.length,
      totalMs: round(this.pauses.reduce((sum, p) => sum + p.ms, 0)),
      maxMs: round(Math.max(0, ...this.pauses.map((p) => p.ms))),
      majorCount: major.length,
      majorMaxMs: round(Math.max(0, ...major.map((p) => p.ms))),
    };
  }
}

/** A CPU profile of one window, when BENCH_CPU_PROFILE names a folder (the figures of that run are slower). */
const profileWindow = async (name: string | null) => {
  if (!name || !config.cpuProfileDir) return async () => undefined;
  const inspector = new InspectorSession();
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.setSamplingInterval', { interval: 500 });
  await inspector.post('Profiler.start');
  return async () => {
    const { profile } = await inspector.post('Profiler.stop');
    inspector.disconnect();
    await mkdir(config.cpuProfileDir!, { recursive: true });
    const file = path.join(config.cpuProfileDir!, `${name}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    return file;
  };
};

// ----------------------------------------------------------------------------------------------------
// Devices
// ----------------------------------------------------------------------------------------------------

interface Device {
  db: KluisDatabase;
  session: Session;
  link: AccountLink;
}

/** One full push and pull, as a device that comes online does. */
const syncOnce = async (device: Device): Promise<void> => {
  const client = syncClient(device.db, device.link, false);
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

/** A 'sales' member joins by invite (as test/integration/sync/rotation.test.ts does). */
const joinMember = async (admin: Device, serverUrl: string): Promise<Device> => {
  const pending = sessionPendingInvites(admin.session);
  const invited = unwrap(await inviteUser(fetch, admin.link, 'sales', pending));
  const db = await memoryDatabase('benchrot');
  const joined = unwrap(
    await joinOrganisation({
      fetch,
      serverUrl,
      db,
      userId: invited.userId,
      inviteCode: invited.inviteCode,
      passphrase: config.memberPassphrase,
      kdf: KDF_FLOOR,
    }),
  );
  const signer = await admin.session.deviceSigner();
  unwrap(
    await completeInvites(fetch, admin.link, pending, () => ({
      orgKey: admin.session.orgKey,
      orgKeyId: admin.session.orgKeyId,
      signer,
      pageKey: admin.session.epochPageKey,
    })),
  );
  const session = unwrap(await joined.finish(fetch, db));
  return { db, session, link: joined.link };
};

/** Key pages on the device not under the given epoch. */
const pagesNotUnder = async (db: KluisDatabase, epochId: string): Promise<number> =>
  (await db.keys.find().exec()).filter((d) => d.keyId !== epochId).length;

// ----------------------------------------------------------------------------------------------------
// The anchor: bare crypto of a re-wrap, and the JSON of the pages beside it
// ----------------------------------------------------------------------------------------------------

const address = (subjectId: string, keyId: string) => ({ collection: 'keys', id: subjectId, keyId }) as const;

const anchor = async (db: KluisDatabase, cipher: EnvelopeCipher, from: PageKey) => {
  const pages = (await db.keys.find().exec()).map((d) => d.toJSON() as KeyDoc);
  const entries: [string, string, string][] = [];
  const parseMs: number[] = [];
  const stringifyMs: number[] = [];
  let maxBytes = 0;
  let totalBytes = 0;
  for (const page of pages) {
    let t = performance.now();
    const parsed = JSON.parse(page.payload) as Record<string, string>;
    parseMs.push(performance.now() - t);
    t = performance.now();
    JSON.stringify(parsed);
    stringifyMs.push(performance.now() - t);
    maxBytes = Math.max(maxBytes, page.payload.length);
    totalBytes += page.payload.length;
    for (const [subjectId, sealed] of Object.entries(parsed)) entries.push([subjectId, sealed, page.keyId]);
  }
  const to = newPageKey();
  const t = performance.now();
  for (const [subjectId, sealed, keyId] of entries) {
    const key = cipher.openBytes(sealed, from.key, address(subjectId, keyId));
    cipher.sealBytes(key, to.key, address(subjectId, to.id));
    wipe(key);
  }
  const cryptoMs = performance.now() - t;
  wipe(to.key);
  const largest = Math.max(0, ...pages.map((p) => Object.keys(JSON.parse(p.payload) as object).length));
  return {
    keys: entries.length,
    cryptoMs: round(cryptoMs),
    cryptoUsPerKey: round((cryptoMs * 1000) / Math.max(1, entries.length)),
    /** The crypto of the largest page alone: what one incrementalModify of it costs at the least. */
    largestPageKeys: largest,
    largestPageCryptoMs: round((cryptoMs * largest) / Math.max(1, entries.length)),
    pageJson: {
      pages: pages.length,
      maxBytes,
      totalBytes,
      /** Per page; the max catches any collector pause that fell in one. */
      medianParseMs: median(parseMs),
      maxParseMs: round(Math.max(0, ...parseMs)),
      medianStringifyMs: median(stringifyMs),
      maxStringifyMs: round(Math.max(0, ...stringifyMs)),
    },
  };
};

// ----------------------------------------------------------------------------------------------------
// One rotation
// ----------------------------------------------------------------------------------------------------

const rotateOnce = async (
  admin: Device,
  adminSync: SyncClient,
  member: Device,
  spotId: string,
  /** Set for the run to CPU-profile (BENCH_CPU_PROFILE). */
  profileName: string | null,
) => {
  const watch = new BlockWatch();
  // The parts are cut at catchUpKeys' own progress reports, not at call boundaries: the admin's live sync
  // client pushes re-wrapped pages while the re-wrap goes on, so the first catchUpKeys may already find
  // the server holding every page and finish the epoch itself.
  let inFirstCatchUp = false;
  let rewrapStart = 0;
  let rewrapEnd = 0;
  let finishingAt = 0;
  // The re-wrap's slices: the wall time from the end of one of its pauses to the start of the next (the
  // work before the first pause is left out: it includes the catch-up's request to the server).
  const slices: number[] = [];
  let resumedAt: number | null = null;
  const onProgress = (p: RotationProgress) => {
    const now = performance.now();
    if (p.phase === 'finishing' && !finishingAt) {
      finishingAt = now;
      watch.phase = 'finish';
    }
    if (p.phase !== 'rewrapping' || !inFirstCatchUp) return;
    rewrapStart ||= now;
    rewrapEnd = now;
  };
  // The default pause of catchUpKeys (a macrotask), noting the slice it ends.
  const pause = () => {
    if (inFirstCatchUp && resumedAt !== null) slices.push(performance.now() - resumedAt);
    return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      resumedAt = performance.now();
    });
  };
  const ctx: KeyContext = { fetch, link: admin.link, session: admin.session, onProgress, pause };

  const stopProfile = await profileWindow(profileName && `${profileName}-admin`);
  const gc = new GcWatch();
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  gc.start();
  histogram.enable();
  watch.phase = 'grant';
  watch.start();
  const t0 = performance.now();
  const { epochId } = unwrap(await rotatePageKey(ctx, 'manual'));
  const t1 = performance.now();
  watch.phase = 'rewrap';
  inFirstCatchUp = true;
  let status = unwrap(await catchUpKeys(ctx));
  inFirstCatchUp = false;
  const t2 = performance.now();
  if (!finishingAt) watch.phase = 'push';
  let finishedIn = 1;
  let attempts = 1;
  // Until the server counts no page under the older epoch: the push ends, the next catch-up finishes.
  while (status.current?.epochId !== epochId || status.current.finishedAt === null) {
    if (attempts >= 6) throw new Error(`epoch ${epochId} not finished after ${attempts} catch-ups`);
    await adminSync.awaitInSync();
    status = unwrap(await catchUpKeys(ctx));
    finishedIn = ++attempts;
  }
  const t4 = performance.now();
  watch.stop();
  histogram.disable();
  const gcFigures = gc.stop();
  const adminProfile = await stopProfile();
  if (!rewrapStart || !finishingAt) throw new Error('no re-wrap or finish progress was reported');
  const adminLeft = await pagesNotUnder(admin.db, epochId);
  if (adminLeft || status.pendingPages) {
    throw new Error(`after the rotation: ${adminLeft} local, ${status.pendingPages} server pages left`);
  }

  // The member was offline meanwhile: it comes back, adopts, pulls and destroys.
  const memberHistogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const memberCtx: KeyContext = { fetch, link: member.link, session: member.session };
  const stopMemberProfile = await profileWindow(profileName && `${profileName}-member`);
  const memberGc = new GcWatch();
  memberGc.start();
  memberHistogram.enable();
  watch.start();
  const m0 = performance.now();
  watch.phase = 'member-adopt';
  unwrap(await catchUpKeys(memberCtx));
  const m1 = performance.now();
  watch.phase = 'member-pull';
  await syncOnce(member);
  const m2 = performance.now();
  watch.phase = 'member-destroy';
  const memberStatus = unwrap(await catchUpKeys(memberCtx));
  const m3 = performance.now();
  watch.stop();
  memberHistogram.disable();
  const memberGcFigures = memberGc.stop();
  const memberProfile = await stopMemberProfile();
  const memberLeft = await pagesNotUnder(member.db, epochId);
  if (memberStatus.heldEpochId !== epochId || memberStatus.olderHeld !== 0 || memberLeft) {
    throw new Error(`the member did not catch up: ${JSON.stringify({ ...memberStatus, memberLeft })}`);
  }
  // A person the member has not opened before, read with a key from a re-wrapped page.
  await member.session.people.get(spotId);
  // The admin sees the member's acknowledgement (not timed).
  unwrap(await catchUpKeys({ fetch, link: admin.link, session: admin.session }));

  const floor = await anchor(admin.db, admin.session.cipher, admin.session.pageKeys.current);
  const rotationBlocks = watch.blocks.filter((b) => !b.phase.startsWith('member'));
  const blocksByPhase: Record<string, { count: number; maxMs: number }> = {};
  for (const block of rotationBlocks) {
    const entry = (blocksByPhase[block.phase] ??= { count: 0, maxMs: 0 });
    entry.count++;
    entry.maxMs = Math.max(entry.maxMs, block.ms);
  }
  return {
    epochId,
    totalMs: round(t4 - t0),
    grantMs: round(t1 - t0),
    /** From rotatePageKey's return to the last page re-wrapped (the catch-up's fetch, then rewrapPages). */
    rewrapMs: round(rewrapEnd - t1),
    /** From the last page re-wrapped until the server counted none left and the finish began. */
    pushMs: round(finishingAt - rewrapEnd),
    /** The finish request, and this device destroying the older key and acknowledging it. */
    finishMs: round(t4 - finishingAt),
    /** Which catchUpKeys call finished the epoch (1: the one that re-wrapped; 2: the one after a sync). */
    finishedIn,
    calls: { rotatePageKeyMs: round(t1 - t0), firstCatchUpMs: round(t2 - t1), afterMs: round(t4 - t2) },
    eventLoop: loopFigures(histogram),
    gc: gcFigures,
    rewrap: {
      /** rewrapPages alone, first to last progress report (inside rewrapMs). */
      pagesMs: round(rewrapEnd - rewrapStart),
      slices: slices.length,
      sliceMaxMs: round(Math.max(0, ...slices)),
      sliceP99Ms: round(percentile(slices, 99)),
      sliceMedianMs: median(slices),
      /**
       * Slices far over the 8 ms rewrapPages aims at: the ones that end with writing a large page (parse,
       * stringify and store it whole, and what the write sets off), or that a collector pause fell in.
       */
      heavySlices: slices.filter((ms) => ms > HEAVY_SLICE_MS).length,
      heavySliceMedianMs: median(slices.filter((ms) => ms > HEAVY_SLICE_MS)),
    },
    blocksOverTarget: {
      byPhase: blocksByPhase,
      longest: [...rotationBlocks].sort((a, b) => b.ms - a.ms).slice(0, 8),
    },
    member: {
      totalMs: round(m3 - m0),
      adoptMs: round(m1 - m0),
      pullMs: round(m2 - m1),
      destroyMs: round(m3 - m2),
      eventLoop: loopFigures(memberHistogram),
      gc: memberGcFigures,
      longestBlocks: watch.blocks
        .filter((b) => b.phase.startsWith('member'))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5),
    },
    anchor: floor,
    cpuProfiles: adminProfile ? [adminProfile, memberProfile] : undefined,
  };
};

type RunFigures = Awaited<ReturnType<typeof rotateOnce>>;

// ----------------------------------------------------------------------------------------------------
// One adapter
// ----------------------------------------------------------------------------------------------------

const benchAdapter = async (adapter: AdapterName) => {
  const log = (line: string) => console.log(`[${adapter}] ${line}`);
  const server = await startServerWorker(adapter);
  const serverUrl = server.url;
  const closeList: (() => Promise<unknown>)[] = [];
  try {
    const adminDb = await memoryDatabase('benchrot');
    closeList.push(() => adminDb.remove());
    const adminSession = await (await Vault.open(adminDb, KDF_FLOOR)).create(config.passphrase);
    const adminLink = unwrap(
      await connectVault({ fetch, serverUrl, db: adminDb, passphrase: config.passphrase }),
    );
    const admin: Device = { db: adminDb, session: adminSession, link: adminLink };
    let t = performance.now();
    const ids = (await adminSession.people.createMany(generatePeople(config.people, config.seed))).map(
      (p) => p.id,
    );
    const importMs = performance.now() - t;
    const pages = await adminDb.keys.count().exec();
    log(`imported ${config.people} people (${pages} key pages) in ${seconds(importMs)}`);

    // The admin's sync client stays live, as in the app: it pushes whatever the rotation re-wraps.
    const adminSync = syncClient(adminDb, adminLink, true);
    closeList.unshift(() => adminSync.stop());
    t = performance.now();
    await adminSync.start();
    await adminSync.awaitInSync();
    const uploadMs = performance.now() - t;
    log(`admin pushed everything in ${seconds(uploadMs)}`);

    t = performance.now();
    const member = await joinMember(admin, serverUrl);
    closeList.push(() => member.db.remove());
    await syncOnce(member);
    const memberSetupMs = performance.now() - t;
    log(`member joined and synced in ${seconds(memberSetupMs)}`);

    const runs: RunFigures[] = [];
    for (let run = 0; run < config.runs; run++) {
      const spotId = ids[Math.floor(((run + 0.5) * ids.length) / config.runs)]!;
      const figures = await rotateOnce(admin, adminSync, member, spotId, run === 0 ? adapter : null);
      runs.push(figures);
      log(
        `run ${run + 1}: rotation ${seconds(figures.totalMs)} (grant ${figures.grantMs} ms, re-wrap ` +
          `${figures.rewrapMs} ms, push ${figures.pushMs} ms, finish ${figures.finishMs} ms); event loop max ` +
          `${figures.eventLoop.maxMs} ms, p99 ${figures.eventLoop.p99Ms} ms; member ${seconds(figures.member.totalMs)}; ` +
          `anchor ${figures.anchor.cryptoMs} ms`,
      );
    }
    const med = (pick: (r: RunFigures) => number) => median(runs.map(pick));
    return {
      adapter,
      setup: {
        importMs: round(importMs),
        uploadMs: round(uploadMs),
        memberJoinAndSyncMs: round(memberSetupMs),
        keyPages: pages,
      },
      median: {
        totalMs: med((r) => r.totalMs),
        grantMs: med((r) => r.grantMs),
        rewrapMs: med((r) => r.rewrapMs),
        pushMs: med((r) => r.pushMs),
        finishMs: med((r) => r.finishMs),
        eventLoopMaxMs: med((r) => r.eventLoop.maxMs),
        eventLoopP99Ms: med((r) => r.eventLoop.p99Ms),
        rewrapSliceMaxMs: med((r) => r.rewrap.sliceMaxMs),
        memberMs: med((r) => r.member.totalMs),
        memberAdoptMs: med((r) => r.member.adoptMs),
        memberPullMs: med((r) => r.member.pullMs),
        memberDestroyMs: med((r) => r.member.destroyMs),
        anchorCryptoMs: med((r) => r.anchor.cryptoMs),
      },
      worstEventLoopMaxMs: Math.max(...runs.map((r) => r.eventLoop.maxMs)),
      runs,
    };
  } finally {
    for (const close of closeList) await close().catch(() => undefined);
    await server.close();
  }
};

// ----------------------------------------------------------------------------------------------------
// Main
// ----------------------------------------------------------------------------------------------------

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const commitInfo = () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', 'HEAD');
    const changed = git('status', '--porcelain')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    const code = changed.filter((file) => /^(shared|server)\//.test(file));
    return {
      commit,
      dirty: changed.length > 0,
      treeNote: changed.length
        ? `the working tree had ${changed.length} uncommitted change(s) when measured, ${code.length} of them in ` +
          `shared/ or server/ (the code measured)${code.length ? ', listed in uncommittedCode' : ''}`
        : undefined,
      uncommittedCode: code.length ? code : undefined,
    };
  } catch {
    return { commit: 'unknown', dirty: true, treeNote: 'git was not available', uncommittedCode: undefined };
  }
};

const main = async () => {
  // Other work on the machine (tests, builds) slows a run: the load averages say whether there was any.
  const loadBefore = os.loadavg().map((x) => round(x));
  const results = [];
  for (const adapter of config.adapters) results.push(await benchAdapter(adapter));
  const git = commitInfo();
  const atScale = config.people === 100_000;
  const scaleNote = atScale
    ? ''
    : `measured at ${config.people.toLocaleString('en')} people, not 100,000; the 60 s target is for 100k, so the total is not compared with it`;
  const met = results.map((r) => ({
    adapter: r.adapter,
    totalUnder60s: atScale ? r.median.totalMs < TARGETS.totalMs.max : null,
    maxBlockUnder50ms: r.worstEventLoopMaxMs < TARGETS.maxBlockMs.max,
  }));
  const proxyNote =
    "The event loop is Node's, standing in for the renderer's main thread: the app runs the same code on the " +
    "page's thread, where IndexedDB does its I/O off the thread; here RxDB memory storage works on the " +
    `thread, so this is a conservative proxy. monitorEventLoopDelay (resolution ${LOOP_RESOLUTION_MS} ms) ` +
    `records the time between its timer's ticks: a block of B ms reads as B to B + ${LOOP_RESOLUTION_MS} ms. ` +
    'The server runs in a worker thread and is not on this loop.';

  console.log('');
  console.log(
    `Kluis key-rotation benchmark — ${config.people.toLocaleString('en')} people, ${config.runs} rotation(s) per adapter, one member`,
  );
  console.log(
    'client: Node + RxDB memory storage (real shared/sync + shared/store code, no browser); server: real, in a worker thread, HTTP on 127.0.0.1',
  );
  console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} x${os.cpus().length}`);
  console.log(`commit ${git.commit}${git.dirty ? ' (working tree dirty: see the results file)' : ''}`);
  console.log('');
  const rows = [
    [
      'adapter',
      'rotation (median)',
      'grant+register',
      'local re-wrap',
      'push',
      'finish',
      'all runs',
      'loop max / p99',
      'member catch-up',
      'crypto floor',
    ],
    ...results.map((r, i) => [
      r.adapter,
      `${seconds(r.median.totalMs)} ${met[i]!.totalUnder60s === null ? '(not 100k)' : met[i]!.totalUnder60s ? 'ok' : 'MISS'}`,
      `${r.median.grantMs} ms`,
      seconds(r.median.rewrapMs),
      seconds(r.median.pushMs),
      `${r.median.finishMs} ms`,
      r.runs.map((x) => (x.totalMs / 1000).toFixed(2)).join(', ') + ' s',
      `${r.worstEventLoopMaxMs} / ${r.median.eventLoopP99Ms} ms ${met[i]!.maxBlockUnder50ms ? 'ok' : 'MISS'}`,
      `${seconds(r.median.memberMs)} (${r.median.memberAdoptMs} + ${r.median.memberPullMs} + ${r.median.memberDestroyMs} ms)`,
      seconds(r.median.anchorCryptoMs),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log('');
  console.log(
    `targets: ${TARGETS.totalMs.label} (median); ${TARGETS.maxBlockMs.label} (worst run's max). Loop max is the worst run, p99 the median run.`,
  );
  console.log(
    'member catch-up = adopt + pull + destroy. crypto floor = open + seal of every data key, no storage.',
  );
  for (const r of results) {
    const worst = r.runs.reduce((a, b) => (b.eventLoop.maxMs > a.eventLoop.maxMs ? b : a));
    const phases = Object.entries(worst.blocksOverTarget.byPhase)
      .map(([phase, b]) => `${phase} ${b.count}x (max ${b.maxMs} ms)`)
      .join(', ');
    console.log(
      `[${r.adapter}] worst run: ${worst.rewrap.slices} re-wrap slices between pauses, median ` +
        `${worst.rewrap.sliceMedianMs} ms, longest ${worst.rewrap.sliceMaxMs} ms, ${worst.rewrap.heavySlices} over ` +
        `${HEAVY_SLICE_MS} ms (median ${worst.rewrap.heavySliceMedianMs} ms); key pages of up to ` +
        `${worst.anchor.largestPageKeys} keys (${(worst.anchor.pageJson.maxBytes / 1024).toFixed(0)} KB): crypto of a ` +
        `whole page ${worst.anchor.largestPageCryptoMs} ms, JSON.parse ${worst.anchor.pageJson.medianParseMs} ms, ` +
        `stringify ${worst.anchor.pageJson.medianStringifyMs} ms (medians per page); ` +
        `blocks > ${BLOCK_REPORT_MS} ms: ${phases || 'none'}; GC ${worst.gc.count} pauses, ${worst.gc.totalMs} ms, ` +
        `longest ${worst.gc.maxMs} ms`,
    );
    const member = r.runs.reduce((a, b) =>
      b.member.eventLoop.maxMs > a.member.eventLoop.maxMs ? b : a,
    ).member;
    console.log(
      `[${r.adapter}] member catch-up, worst run: loop max ${member.eventLoop.maxMs} ms, p99 ${member.eventLoop.p99Ms} ms; ` +
        `GC ${member.gc.count} pauses, longest ${member.gc.maxMs} ms`,
    );
  }
  console.log(`\n${proxyNote}`);
  if (scaleNote) console.log(`Note: ${scaleNote}.`);

  const resultsFile = path.join(root, 'bench', 'results', 'rotation-latest.json');
  await writeResults(resultsFile, {
    date: new Date().toISOString(),
    ...git,
    client: 'Node + RxDB memory storage (real shared/ code)',
    server: 'real server (server/app.ts) in a worker thread, HTTP on 127.0.0.1',
    ...machine(),
    loadAverage: { before: loadBefore, after: os.loadavg().map((x) => round(x)) },
    people: config.people,
    runs: config.runs,
    seed: config.seed,
    eventLoop: { resolutionMs: LOOP_RESOLUTION_MS, note: proxyNote },
    targets: TARGETS,
    met,
    note: scaleNote || undefined,
    results,
  });
  process.exit(0);
};

const data = workerData as Partial<ServerWorkerData> | null;
if (!isMainThread && data?.kluisBenchServer) await serveInWorker(data as ServerWorkerData);
else await main();
