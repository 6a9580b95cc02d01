// Slows passphrase guessing through the sign-in and join routes: after too many failures for one key (a user
// id with a source address, routes/accounts.ts) within a window, further attempts are refused until it
// passes. Kept in memory per server instance.

export interface AttemptLimiter {
  /** True while the user id may try again. */
  allowed(userId: string): boolean;
  failed(userId: string): void;
  /**
   * Counts a failure now, before the attempt is evaluated, so concurrent attempts see it; false (nothing
   * counted) when the key may not try. `refund` takes it back from an attempt that did not fail.
   */
  reserve(userId: string): boolean;
  refund(userId: string): void;
  succeeded(userId: string): void;
}

export const createAttemptLimiter = (
  now: () => number,
  maxFailures = 10,
  windowMs = 15 * 60 * 1000,
): AttemptLimiter => {
  const failures = new Map<string, { count: number; since: number }>();
  const current = (userId: string) => {
    const entry = failures.get(userId);
    if (entry && now() - entry.since >= windowMs) {
      failures.delete(userId);
      return undefined;
    }
    return entry;
  };
  const allowed = (userId: string) => (current(userId)?.count ?? 0) < maxFailures;
  const limiter: AttemptLimiter = {
    allowed,
    reserve(userId) {
      if (!allowed(userId)) return false;
      limiter.failed(userId);
      return true;
    },
    refund(userId) {
      const entry = current(userId);
      // Gone after a success meanwhile (which forgets all failures): nothing to take back.
      if (!entry) return;
      entry.count -= 1;
      if (entry.count <= 0) failures.delete(userId);
    },
    failed(userId) {
      // Random ids must not grow the map without bound: drop expired entries when it gets large.
      if (failures.size > 10_000) for (const id of [...failures.keys()]) current(id);
      const entry = current(userId);
      if (entry) entry.count += 1;
      else failures.set(userId, { count: 1, since: now() });
    },
    succeeded: (userId) => void failures.delete(userId),
  };
  return limiter;
};
