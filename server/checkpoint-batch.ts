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

export const batchCheckpoints = (
  storage: Pick<Storage, 'recordCheckpoints'>,
  intervalMs = CHECKPOINT_INTERVAL_MS,
  onError: (error: unknown) => void = () => {},
): CheckpointBatch => {
  let waiting = new Map<string, CheckpointEntry>();
  let writing: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const batch = [...waiting.values()];
    waiting = new Map();
    // Batches are written one after another, so a later checkpoint never lands before an earlier one.
    writing = writing.then(async () => {
      if (!batch.length) return;
      try {
        await storage.recordCheckpoints(batch);
      } catch (error) {
        onError(error);
      }
    });
    return writing;
  };

  return {
    record(entry) {
      const k = key(entry.deviceId, entry.collection);
      const before = waiting.get(k);
      // A restart (pull from 0) replaces what waits; a later pull moves it up and keeps the restart.
      waiting.set(
        k,
        before && !entry.restart
          ? { ...entry, checkpoint: Math.max(before.checkpoint, entry.checkpoint), restart: before.restart }
          : entry,
      );
      if (!timer) {
        timer = setTimeout(() => void flush(), intervalMs);
        timer.unref?.();
      }
    },
    flush,
    async close() {
      await flush();
    },
  };
};
