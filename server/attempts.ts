// Slows passphrase guessing through the sign-in and join routes: after too many failures for one key (a user
// id with a source address, routes/accounts.ts) within a window, further attempts are refused until it
// passes. Kept in memory per server instance.

export interface AttemptLimiter {
  /** True while the user id may try again. */
  allowed(userId: string): boolean;
  failed(userId: string): void;
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
  return {
    allowed: (userId) => (current(userId)?.count ?? 0) < maxFailures,
    failed(userId) {
      // Random ids must not grow the map without bound: drop expired entries when it gets large.
      if (failures.size > 10_000) for (const id of [...failures.keys()]) current(id);
      const entry = current(userId);
      if (entry) entry.count += 1;
      else failures.set(userId, { count: 1, since: now() });
    },
    succeeded: (userId) => void failures.delete(userId),
  };
};
