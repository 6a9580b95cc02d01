// Load bench (issue 16, part 5): N simulated devices (bench/load-device.ts: the real client protocol, real
// tokens, real sealed envelopes) spread over a few worker threads, each holding a live event stream and
// pushing small edits, against the server as `npm run server` runs it (its own process, documented
// settings only): once on SQLite, once on PostgreSQL with two server instances behind one address (a
// round-robin TCP proxy). Reports push and live-delivery p50/p99 and the server's peak memory, then checks
// every acknowledged write (none lost, none duplicated) and that every device holds the server's state.
// Prints figures, asserts nothing. Run through bench/load.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, Worker } from 'node:worker_threads';
import { KDF_FLOOR } from '../shared/crypto/kdf';
import { connectVault } from '../shared/sync/account';
import { decodeMaterial } from '../shared/sync/account-link';
import { serverClient } from '../shared/sync/server-client';
import { ROUTES } from '../shared/sync/server-routes';
import { loadSodium } from '../shared/crypto/sodium';
import { derivePassphraseKeys } from '../shared/vault/keyring';
import { Vault } from '../shared/vault/vault';
import { startProxy, type FaultProxy } from '../test/helpers/fault-proxy';
import { clusterUnavailable, startCluster, type TemporaryCluster } from '../test/helpers/pg-cluster';
import { memoryDatabase, type AdapterName } from './client-server';
import { intEnv, PASSPHRASE } from './env.mjs';
import { median, percentile, round, writeBenchResults } from './figures';
import { checkWrites } from './load-device';
import { buildServer, startServerProcess, type ServerProcess } from './load-server';
import { DELIVERY_BUCKETS, type FromWorker, type ToWorker, type WorkerSetup } from './load-messages';

const config = {
  devices: intEnv('BENCH_DEVICES', 1000),
  workers: intEnv('BENCH_WORKERS', 4),
  runs: intEnv('BENCH_RUNS', 3),
  seconds: intEnv('BENCH_SECONDS', 30),
  editEverySeconds: intEnv('BENCH_EDIT_EVERY_S', 600),
  /** 1: devices ask the stream to carry small pushes' documents, as the app does; 0: pull after every event. */
  carry: process.env.BENCH_CARRY !== '0',
  direct: process.env.BENCH_DIRECT === '1',
  adapters: (process.env.BENCH_ADAPTERS ?? 'sqlite,postgres').split(',').filter(Boolean) as AdapterName[],
};

const TARGETS = { pushP99Ms: 250, deliveryP99Ms: 1000, serverMemoryMb: 1024 };
const SETUP_CODE = 'load-bench-setup-code';
// A thousand devices of one user behind one address sign in at once. The server counts each attempt in
// flight as a failure until it succeeds (so a parallel burst cannot out-guess the back-off), which would
// refuse most of that burst: the bench raises the two documented thresholds, as an office that brings many
// devices online together behind one NAT address would. Push and delivery, not sign-in, are measured.
const SERVER_ENV = {
  KLUIS_SETUP_CODE: SETUP_CODE,
  KLUIS_ADDRESS_FREE_FAILURES: '100000',
  KLUIS_LOCKOUT_FAILURES: '100000',
};

/** Percentiles of a histogram of 1 ms buckets. */
const histogramPercentile = (buckets: Uint32Array, p: number): number => {
  const total = buckets.reduce((sum, n) => sum + n, 0);
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let ms = 0; ms < buckets.length; ms++) if ((seen += buckets[ms]!) >= rank && rank > 0) return ms;
  return 0;
};

interface WorkerHandle {
  worker: Worker;
  next(): Promise<FromWorker>;
  send(message: ToWorker): void;
}

const startWorker = (setup: WorkerSetup): WorkerHandle => {
  const worker = new Worker(new URL(import.meta.url), { workerData: setup });
  const queue: FromWorker[] = [];
  const waiting: ((message: FromWorker) => void)[] = [];
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'error') console.error(`worker: ${message.message}`);
    const take = waiting.shift();
    if (take) take(message);
    else queue.push(message);
  });
  worker.on('error', (error) => console.error(`worker failed: ${error.message}`));
  return {
    worker,
    next: () => {
      const queued = queue.shift();
      return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
    },
    send: (message) => worker.postMessage(message),
  };
};

const expect = async <T extends FromWorker['type']>(handle: WorkerHandle, type: T) => {
  const message = await handle.next();
  if (message.type !== type) throw new Error(`worker answered ${message.type}, expected ${type}`);
  return message as Extract<FromWorker, { type: T }>;
};

/** One organisation made by a real vault; the passphrase's verifier derived once for every sign-in. */
const organisation = async (serverUrl: string) => {
  const db = await memoryDatabase('load');
  await (await Vault.open(db, KDF_FLOOR)).create(PASSPHRASE);
  const linked = await connectVault({ fetch, serverUrl, db, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const prelogin = await serverClient(fetch, { serverUrl }).call(ROUTES.prelogin, {
    body: { userId: linked.value.userId },
  });
  if (!prelogin.ok) throw new Error(prelogin.error);
  const material = decodeMaterial(prelogin.value.kdf)!;
  const { authVerifier } = derivePassphraseKeys(
    await loadSodium(),
    PASSPHRASE,
    material.kdf,
    material.format,
  );
  await db.remove();
  return { link: linked.value, authVerifier };
};

const benchAdapter = async (adapter: AdapterName) => {
  const log = (line: string) => console.log(`[${adapter}] ${line}`);
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    let servers: ServerProcess[];
    let serverUrl: string;
    let proxy: FaultProxy | undefined;
    if (adapter === 'sqlite') {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'kluis-load-'));
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
      servers = [await startServerProcess({ dataDir: dir, env: SERVER_ENV })];
      serverUrl = servers[0]!.url;
    } else {
      const why = clusterUnavailable();
      if (why) return { adapter, skipped: why };
      const cluster: TemporaryCluster = await startCluster(['max_connections=60']);
      cleanup.push(() => cluster.destroy());
      servers = [];
      for (let i = 0; i < 2; i++) {
        servers.push(await startServerProcess({ databaseUrl: cluster.url, env: SERVER_ENV }));
      }
      proxy = await startProxy({ targets: () => servers.map((s) => s.port) });
      cleanup.push(() => proxy!.close());
      serverUrl = proxy.url;
    }
    cleanup.unshift(async () => {
      for (const server of servers) await server.kill('SIGTERM');
    });
    const { link, authVerifier } = await organisation(serverUrl);
    const checker = serverClient(fetch, { serverUrl, token: link.token });

    let t = performance.now();
    const per = Math.ceil(config.devices / config.workers);
    const handles: WorkerHandle[] = [];
    for (let first = 0; first < config.devices; first += per) {
      const count = Math.min(per, config.devices - first);
      handles.push(
        startWorker({
          // BENCH_DIRECT=1 (a diagnosis, not the measured set-up): each worker's devices reach one instance
          // directly, without the bench's proxy in between.
          serverUrl: config.direct ? servers[handles.length % servers.length]!.url : serverUrl,
          userId: link.userId,
          authVerifier,
          first,
          count,
          carry: config.carry,
        }),
      );
    }
    cleanup.unshift(async () => {
      for (const h of handles) h.send({ type: 'stop' });
      await Promise.all(handles.map((h) => h.worker.terminate()));
    });
    const signInMs = (await Promise.all(handles.map((h) => expect(h, 'ready')))).flatMap((m) => m.signInMs);
    log(
      `${config.devices} devices signed in and streaming in ${((performance.now() - t) / 1000).toFixed(1)} s ` +
        `(sign-in median ${median(signInMs)} ms, p99 ${round(percentile(signInMs, 99))} ms)`,
    );

    const acked = new Map<string, number>();
    const runs = [];
    for (let run = 0; run < config.runs; run++) {
      t = performance.now();
      for (const h of handles)
        h.send({ type: 'run', seconds: config.seconds, editEveryMs: config.editEverySeconds * 1000 });
      const windows = await Promise.all(handles.map((h) => expect(h, 'window')));
      const windowMs = performance.now() - t;
      for (const w of windows) for (const [id, at] of w.acked) acked.set(id, at);
      const check = await checkWrites(checker, acked);
      for (const h of handles) h.send({ type: 'settle', checkpoint: check.checkpoint, timeoutMs: 120_000 });
      const settled = await Promise.all(handles.map((h) => expect(h, 'settled')));
      const delivered = new Uint32Array(DELIVERY_BUCKETS);
      for (const s of settled) s.delivered.forEach((n, ms) => (delivered[ms]! += n));
      const pushMs = windows.flatMap((w) => w.pushMs);
      const digests = settled.flatMap((s) => s.digests);
      const figures = {
        pushes: pushMs.length,
        pushesPerSecond: round(pushMs.length / (windowMs / 1000)),
        pushP50Ms: round(percentile(pushMs, 50)),
        pushP99Ms: round(percentile(pushMs, 99)),
        deliveries: delivered.reduce((sum, n) => sum + n, 0),
        deliveryP50Ms: histogramPercentile(delivered, 50),
        deliveryP99Ms: histogramPercentile(delivered, 99),
        failedCalls: windows.reduce((sum, w) => sum + w.failedCalls, 0),
        streamReconnects: windows.reduce((sum, w) => sum + w.streamOpens, 0),
        // What each push cost the devices: pulls made, and events applied from their carried documents.
        pulls: windows.reduce((sum, w) => sum + w.pulls, 0),
        carriedTaken: windows.reduce((sum, w) => sum + w.carriedTaken, 0),
        checker: {
          acknowledged: acked.size,
          stored: check.stored,
          lost: check.lost.length,
          duplicated: check.duplicated.length,
          unexpected: check.unexpected.length,
          devicesBehind: settled.reduce((sum, s) => sum + s.behind, 0),
          devicesDiverged: digests.filter((d) => d !== check.digest).length,
          unreadable: settled.reduce((sum, s) => sum + s.unreadable, 0),
        },
      };
      log(
        `run ${run + 1}: ${figures.pushes} pushes (${figures.pushesPerSecond}/s), push p50 ${figures.pushP50Ms} ms ` +
          `p99 ${figures.pushP99Ms} ms; delivery p50 ${figures.deliveryP50Ms} ms p99 ${figures.deliveryP99Ms} ms ` +
          `over ${figures.deliveries} deliveries; ${figures.pulls} pulls, ${figures.carriedTaken} events applied ` +
          `without one; checker: ${JSON.stringify(figures.checker)}`,
      );
      runs.push(figures);
    }
    const peakRssMb = Math.max(...servers.map((s) => s.peakRssMb()));
    log(`server peak RSS ${servers.map((s) => `${s.peakRssMb()} MiB`).join(', ')}`);
    return {
      adapter,
      servers: servers.length,
      behindProxy: proxy !== undefined,
      signInMedianMs: median(signInMs),
      pushP50Ms: median(runs.map((r) => r.pushP50Ms)),
      pushP99Ms: median(runs.map((r) => r.pushP99Ms)),
      deliveryP50Ms: median(runs.map((r) => r.deliveryP50Ms)),
      deliveryP99Ms: median(runs.map((r) => r.deliveryP99Ms)),
      peakRssMb,
      runs,
    };
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  }
};

if (isMainThread) {
  buildServer();
  console.log(
    `Kluis load bench — ${config.devices} devices in ${config.workers} worker threads, an edit every ` +
      `${config.editEverySeconds} s per device on average, ${config.runs} run(s) of ${config.seconds} s`,
  );
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other jobs share this machine)`,
  );
  const results = [];
  for (const adapter of config.adapters) results.push(await benchAdapter(adapter));
  const met = (value: number, max: number) => (value <= max ? 'met' : 'MISSED');
  console.log('');
  for (const r of results) {
    if ('skipped' in r) {
      console.log(`${r.adapter}: skipped — ${r.skipped}`);
      continue;
    }
    const last = r.runs.at(-1)!.checker;
    console.log(
      `${r.adapter} (${r.servers} server${r.servers > 1 ? 's behind one address' : ''}): ` +
        `push p50 ${r.pushP50Ms} ms, p99 ${r.pushP99Ms} ms (≤ ${TARGETS.pushP99Ms}: ${met(r.pushP99Ms, TARGETS.pushP99Ms)}); ` +
        `delivery p50 ${r.deliveryP50Ms} ms, p99 ${r.deliveryP99Ms} ms (≤ ${TARGETS.deliveryP99Ms}: ${met(r.deliveryP99Ms, TARGETS.deliveryP99Ms)}); ` +
        `server peak RSS ${r.peakRssMb} MiB (< ${TARGETS.serverMemoryMb}: ${met(r.peakRssMb, TARGETS.serverMemoryMb - 1)}); ` +
        `checker: ${last.lost} lost, ${last.duplicated} duplicated, ${last.devicesDiverged} devices diverged of ${config.devices}`,
    );
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await writeBenchResults('load', {
    config,
    targets: TARGETS,
    results,
  });
  process.exit(0);
} else {
  await import('./load-worker');
}
