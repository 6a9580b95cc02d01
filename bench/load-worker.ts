// One worker thread of the load bench: signs its share of the devices in, holds their event streams, makes
// their edits during each measured window and reports push and delivery times, what the server
// acknowledged, and a digest of what each device holds once it caught up.
import { parentPort, workerData } from 'node:worker_threads';
import { ProtocolDevice, signInDevice, stateDigest } from './load-device';
import { DELIVERY_BUCKETS, type FromWorker, type ToWorker, type WorkerSetup } from './load-messages';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

let delivered = new Uint32Array(DELIVERY_BUCKETS);
let measuring = false;
const onDelivered = (ms: number) => {
  if (measuring) delivered[Math.max(0, Math.min(DELIVERY_BUCKETS - 1, Math.round(ms)))]! += 1;
};

const devices: ProtocolDevice[] = [];
const until = async (done: () => boolean, timeoutMs: number) => {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
  return done();
};

const signInAll = async () => {
  const signInMs: number[] = [];
  // A few at a time: a whole office switching on at once, not one after another.
  let next = 0;
  const signInOne = async () => {
    while (next < setup.count) {
      const index = setup.first + next++;
      const t = performance.now();
      const { token } = await signInDevice(fetch, setup.serverUrl, setup.userId, setup.authVerifier);
      signInMs.push(performance.now() - t);
      const tag = `d${index.toString(36).padStart(3, '0')}x`;
      const device = new ProtocolDevice(tag, fetch, setup.serverUrl, token, {
        delivered: onDelivered,
        carry: setup.carry,
      });
      devices.push(device);
      device.listen();
    }
  };
  await Promise.all(Array.from({ length: 4 }, signInOne));
  // Ready once every stream is open and the first pull is done.
  await until(() => devices.every((d) => d.streamOpens > 0), 120_000);
  await Promise.all(devices.map((d) => d.pull()));
  send({ type: 'ready', signInMs });
};

/** Each device edits at random times (a Poisson process of mean `editEveryMs`), one edit at a time. */
const runWindow = async (seconds: number, editEveryMs: number) => {
  delivered = new Uint32Array(DELIVERY_BUCKETS);
  measuring = true;
  const pushMs: number[] = [];
  const acked = new Map<string, number>();
  const end = Date.now() + seconds * 1000;
  const failedBefore = devices.reduce((sum, d) => sum + d.failedCalls, 0);
  const opensBefore = devices.reduce((sum, d) => sum + d.streamOpens, 0);
  const pullsBefore = devices.reduce((sum, d) => sum + d.pulls, 0);
  const takenBefore = devices.reduce((sum, d) => sum + d.carriedTaken, 0);
  const deviceLoop = async (device: ProtocolDevice) => {
    for (;;) {
      const pause = -Math.log(1 - Math.random()) * editEveryMs;
      if (Date.now() + pause >= end) return;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pushMs.push(await device.edit());
    }
  };
  await Promise.all(devices.map(deviceLoop));
  for (const device of devices) for (const [id, at] of device.acked) acked.set(id, at);
  return {
    pushMs,
    acked: [...acked],
    failedCalls: devices.reduce((sum, d) => sum + d.failedCalls, 0) - failedBefore,
    streamOpens: devices.reduce((sum, d) => sum + d.streamOpens, 0) - opensBefore,
    pulls: devices.reduce((sum, d) => sum + d.pulls, 0) - pullsBefore,
    carriedTaken: devices.reduce((sum, d) => sum + d.carriedTaken, 0) - takenBefore,
  };
};

port.on('message', (message: ToWorker) => {
  const handle = async () => {
    if (message.type === 'run') {
      const window = await runWindow(message.seconds, message.editEveryMs);
      // Deliveries of the window's last edits still count: the main thread asks to settle next.
      send({ type: 'window', ...window });
    } else if (message.type === 'settle') {
      await until(() => devices.every((d) => d.checkpoint >= message.checkpoint), message.timeoutMs);
      measuring = false;
      const behind = devices.filter((d) => d.checkpoint < message.checkpoint).length;
      const unreadable = devices.reduce((sum, d) => sum + d.unreadable, 0);
      send({
        type: 'settled',
        digests: devices.map((d) => stateDigest(d.replica)),
        behind,
        unreadable,
        delivered,
      });
    } else {
      await Promise.all(devices.map((d) => d.stop()));
      port.close();
    }
  };
  handle().catch((error: unknown) => send({ type: 'error', message: String(error) }));
});

signInAll().catch((error: unknown) => send({ type: 'error', message: String(error) }));
