// What each device holds (for the lost-laptop drill) is recorded on every pull that serves documents.
// One committed write per pull was the server's bottleneck with many live devices: one edit makes every
// device pull, and each pull's synchronous commit queued behind the others (bench:load, 1,000 devices).
// Pulls now leave their checkpoint here and the batch is written in one transaction at most every
// `intervalMs`. Reading the checkpoints (the drill) and closing write what waits first; a crash loses at
// most the last interval, and the device's next pull after a restart records its checkpoint again.
import type { Collection } from '../shared/sync';
import type { CheckpointEntry, Storage } from './storage/types';

export const CHECKPOINT_INTERVAL_MS = 1_000;

export interface CheckpointBatch {
  record(entry: CheckpointEntry): void;
  /** Writes what waits; resolves once it is committed. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
}

const key = (deviceId: string, collection: Collection) => `${deviceId}\n${collection}`;

/**
 * `entry` after `before` for one device and collection: a restart (pull from 0) replaces what was
 * before; a later pull moves it up and keeps the restart.
 */
const after = (before: CheckpointEntry | undefined, entry: CheckpointEntry): CheckpointEntry =>
  before && !entry.restart
    ? { ...entry, checkpoint: Math.max(before.checkpoint, entry.checkpoint), restart: before.restart }
    : entry;

export const batchCheckpoints = (
  storage: Pick<Storage, 'recordCheckpoints'>,
  intervalMs = CHECKPOINT_INTERVAL_MS,
  onError: (error: unknown) => void = () => {},
): CheckpointBatch => {
  let waiting = new Map<string, CheckpointEntry>();
  let writing: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(() => void flush(), intervalMs);
    timer.unref?.();
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Batches are written one after another, each taking all that waits when its turn comes, so a later
    // checkpoint never lands before an earlier one, not even one written again after a failure.
    writing = writing.then(async () => {
      const batch = [...waiting.values()];
      waiting = new Map();
      if (!batch.length) return;
      try {
        await storage.recordCheckpoints(batch);
      } catch (error) {
        onError(error);
        // Not dropped (the lost-laptop drill would under-report): back into what waits, under what
        // came since, and written again at the next interval.
        const since = waiting;
        waiting = new Map(batch.map((e) => [key(e.deviceId, e.collection), e]));
        for (const [k, entry] of since) waiting.set(k, after(waiting.get(k), entry));
        schedule();
      }
    });
    return writing;
  };

  return {
    record(entry) {
      const k = key(entry.deviceId, entry.collection);
      waiting.set(k, after(waiting.get(k), entry));
      schedule();
    },
    flush,
    async close() {
      await flush();
      // A failed last write is not retried on a timer after closing.
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
};
