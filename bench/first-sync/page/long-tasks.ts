// Long tasks on the page's main thread (PerformanceObserver 'longtask': each task over 50 ms), counted
// from `start` until `stop`. Both first-sync pages use it.

export interface LongTasks {
  readonly count: number;
  readonly totalMs: number;
  readonly maxMs: number;
  /** The ten longest, with when they started (ms after the observer started). */
  readonly longest: readonly Task[];
}

interface Task {
  readonly startMs: number;
  readonly ms: number;
}

/** The tasks that started at or after `fromMs` (ms after the observer started), summed up. */
export const summarise = (tasks: readonly Task[], fromMs = 0): LongTasks => {
  const counted = tasks.filter((t) => t.startMs >= fromMs);
  return {
    count: counted.length,
    totalMs: counted.reduce((sum, t) => sum + t.ms, 0),
    maxMs: counted.reduce((max, t) => Math.max(max, t.ms), 0),
    longest: [...counted].sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
};

/** Starts counting now; `stop` returns every long task since, with its start relative to now. */
export const watchLongTasks = (): { stop(): Task[] } => {
  const origin = performance.now();
  const tasks: Task[] = [];
  const take = (entries: PerformanceEntryList) => {
    for (const entry of entries)
      tasks.push({ startMs: Math.round(entry.startTime - origin), ms: Math.round(entry.duration) });
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop() {
      take(observer.takeRecords());
      observer.disconnect();
      return tasks;
    },
  };
};

export const log = (message: string): void => console.log(`[bench] ${message}`);
