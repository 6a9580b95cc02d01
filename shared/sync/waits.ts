// How the sync client waits: back-off waits that a returning connection or a stop cuts short, and a task
// that runs one at a time, where a request during a run asks for one more run after it.

/** Back-off waits: exponential in the failures so far, capped, with jitter; `wake` ends every wait. */
export class BackOff {
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly baseMs = 1000,
    private readonly capMs = 60_000,
  ) {}

  /** The wait after `failures` failures in a row. */
  delayMs(failures: number): number {
    const delay = Math.min(this.capMs, this.baseMs * 2 ** Math.min(failures, 20));
    return delay * (0.5 + Math.random() / 2);
  }

  /** Waits the delay after `failures` failures, or less if `wake` comes first. */
  wait(failures: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.delayMs(failures));
      this.sleepers.add(done);
    });
  }

  wake(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}

/** Runs `task` one at a time; a `run` during a run asks for one more after it. */
export class SerialRun {
  private current: Promise<void> | undefined;
  private again = false;

  constructor(private readonly task: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.task();
      } while (this.again);
    })().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }
}
