// The fault loops (issue 16, part 6), shared by the short seeded tests here and the long runs of
// `npm run bench:faults`: a few devices speaking the real client protocol (bench/load-device.ts) edit
// without pause against the server as `npm run server` runs it, while one fault is injected again and
// again — the process killed mid-push and started again on the same data, responses dropped after the
// server handled them, the process paused and resumed, a flapping link, PostgreSQL restarted. Every
// decision comes from a seeded PRNG, the loop is bounded in count and time, and everything is on loopback.
// Afterwards: every acknowledged write is on the server exactly once, and every device, kept current by
// its live event stream alone, holds the server's state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  checkWrites,
  ProtocolDevice,
  signInDevice,
  stateDigest,
  type WriteCheck,
} from '../../../bench/load-device';
import { buildServer, startServerProcess, type ServerProcess } from '../../../bench/load-server';
import { seededRandom } from '../../../bench/people-generator';
import { serverClient } from '../../../shared/sync/server-client';
import { startProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { startCluster, type TemporaryCluster } from '../../helpers/pg-cluster';
import { createOrganisation } from '../server/harness';

export type FaultKind = 'kill' | 'drop' | 'pause' | 'flap' | 'postgres-restart';

export interface LoopOptions {
  seed: number;
  /** How many faults to inject at most, and for how long at most (ms). */
  faults: number;
  timeLimitMs: number;
  devices?: number;
  /** Told of each fault and of each phase, for the bench's output or a failing test's investigation. */
  progress?: (line: string) => void;
}

export interface LoopOutcome {
  kind: FaultKind;
  seed: number;
  faults: number;
  /** Faults injected while a push was in flight. */
  faultsMidPush: number;
  edits: number;
  failedCalls: number;
  check: WriteCheck;
  /** Devices whose replica differs from the server once their streams brought them up to date. */
  diverged: number;
  elapsedMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async (done: () => boolean, timeoutMs: number): Promise<boolean> => {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await sleep(25);
  return done();
};

let built = false;

export const runFaultLoop = async (kind: FaultKind, options: LoopOptions): Promise<LoopOutcome> => {
  if (!built) buildServer();
  built = true;
  const random = seededRandom(options.seed);
  const between = (min: number, max: number) => Math.round(min + random() * (max - min));
  const cleanup: (() => unknown)[] = [];
  try {
    let cluster: TemporaryCluster | undefined;
    let dataDir: string | undefined;
    if (kind === 'postgres-restart') {
      cluster = await startCluster();
      cleanup.push(() => cluster!.destroy());
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'kluis-faults-'));
      dataDir = dir;
      cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    }
    const start = (port = 0) =>
      startServerProcess({
        ...(dataDir ? { dataDir } : { databaseUrl: cluster!.url }),
        port,
        env: { KLUIS_SETUP_CODE: 'fault-loop-setup-code' },
      });
    let server: ServerProcess = await start();
    cleanup.unshift(() => server.kill('SIGKILL'));
    // Drops and a flapping link happen between the devices and the server: a proxy in the middle.
    let dropping = false;
    let proxy: FaultProxy | undefined;
    if (kind === 'drop' || kind === 'flap') {
      proxy = await startProxy({
        targets: () => [server.port],
        // Answers to pushes: the write is stored, the device never hears so.
        dropResponse: (line) => dropping && line.includes('/push ') && random() < 0.5,
      });
      cleanup.unshift(() => proxy!.close());
    }
    const url = proxy?.url ?? server.url;
    const admin = await createOrganisation(url);
    const devices: ProtocolDevice[] = [];
    for (let i = 0; i < (options.devices ?? 4); i++) {
      const { token } = await signInDevice(fetch, url, admin.userId, admin.authVerifier);
      const device = new ProtocolDevice(`d${i}x`, fetch, url, token, { retryMs: 50 });
      device.listen();
      devices.push(device);
    }
    cleanup.unshift(() => Promise.all(devices.map((d) => d.stop())));

    // The devices edit without pause until the faults are done; each edit is retried until acknowledged.
    let editing = true;
    let edits = 0;
    const editors = devices.map(async (device) => {
      while (editing) {
        await device.edit(random());
        edits += 1;
      }
    });
    const began = Date.now();
    let faults = 0;
    let faultsMidPush = 0;
    const inFlight = () => devices.some((d) => d.pendingWrites > 0);
    await waitFor(() => edits >= devices.length, 10_000);
    while (faults < options.faults && Date.now() - began < options.timeLimitMs) {
      await sleep(between(20, 250));
      if (inFlight()) faultsMidPush += 1;
      faults += 1;
      options.progress?.(`${kind} ${faults}: ${edits} edits so far, ${Date.now() - began} ms`);
      if (kind === 'kill') {
        const port = server.port;
        await server.kill('SIGKILL');
        server = await start(port);
      } else if (kind === 'pause') {
        server.child.kill('SIGSTOP');
        await sleep(between(50, 400));
        server.child.kill('SIGCONT');
      } else if (kind === 'drop') {
        dropping = true;
        const target = proxy!.stats.dropped + 1;
        await waitFor(() => proxy!.stats.dropped >= target, 5_000);
        dropping = false;
      } else if (kind === 'flap') {
        proxy!.cut(() => random() < 0.7);
        proxy!.setDown(true);
        await sleep(between(20, 300));
        proxy!.setDown(false);
      } else {
        await cluster!.restart(random() < 0.5 ? 'fast' : 'immediate');
      }
    }
    editing = false;
    options.progress?.(
      `faults done; waiting for ${devices.filter((d) => d.pendingWrites).length} devices' writes`,
    );
    const watch = setInterval(() => {
      const calls = devices.map((d) => d.failedCalls).join('/');
      const exited = server.child.exitCode ?? server.child.signalCode;
      options.progress?.(
        `still waiting: failed calls ${calls}, server ${exited === null ? 'running' : `exited (${exited})`}`,
      );
      if (exited !== null)
        options.progress?.(
          server.output().slice(-1500).split('Error:').slice(1).join('Error:').slice(0, 2500),
        );
    }, 5_000);
    await Promise.all(editors).finally(() => clearInterval(watch));
    options.progress?.('writes acknowledged; checking');
    const elapsedMs = Date.now() - began;
    const acked = new Map<string, number>();
    for (const device of devices) for (const [id, at] of device.acked) acked.set(id, at);
    const check = await checkWrites(serverClient(fetch, { serverUrl: url, token: admin.token }), acked);
    // Converged by their streams alone: no device is told to pull here.
    await waitFor(() => devices.every((d) => d.checkpoint >= check.checkpoint), 20_000);
    const diverged = devices.filter((d) => stateDigest(d.replica) !== check.digest).length;
    return {
      kind,
      seed: options.seed,
      faults,
      faultsMidPush,
      edits,
      failedCalls: devices.reduce((sum, d) => sum + d.failedCalls, 0),
      check,
      diverged,
      elapsedMs,
    };
  } finally {
    for (const step of cleanup) await Promise.resolve(step()).catch(() => undefined);
  }
};
