// Recording a device's last sync on every pull and push was a disk write per request: with SQLite's
// synchronous commits it took a quarter of the server's time in the 100k initial-sync bench. The last
// sync time is shown to admins by the minute, so each device's is written at most once per interval.
import type { Storage } from './storage/types';

export const TOUCH_INTERVAL_MS = 30_000;

export const throttleTouches = (storage: Storage, intervalMs = TOUCH_INTERVAL_MS): Storage => {
  const touched = new Map<string, number>();
  const touchDevice = async (deviceId: string, now: number): Promise<void> => {
    const last = touched.get(deviceId);
    if (last !== undefined && now >= last && now - last < intervalMs) return;
    touched.set(deviceId, now);
    // Forget devices not seen for a while, so the map stays small.
    if (touched.size > 10_000) {
      for (const [id, at] of touched) if (now - at >= intervalMs) touched.delete(id);
    }
    await storage.touchDevice(deviceId, now);
  };
  // Every other member is the storage's own, bound to it (the adapters are plain objects of closures).
  return new Proxy(storage, {
    get: (target, property, receiver) =>
      property === 'touchDevice' ? touchDevice : (Reflect.get(target, property, receiver) as unknown),
  });
};
