// The limits that keep one client, or one organisation, from exhausting the server for everyone: HTTP
// timeouts, open event streams, passphrase and setup-code guessing, storage per organisation and the size
// of one pull. Defaults here; config.ts reads each from the environment and --help lists them.

export interface Limits {
  /** Time to receive a whole request, body included: a slow body is answered 408 and closed. */
  requestTimeoutMs: number;
  /** Time to receive a request's headers. */
  headersTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above (at most this late); small in tests. */
  timeoutCheckMs: number;
  /** Open event streams (GET /sync/stream) per device and in total, per server process; then 503. */
  maxStreamsPerDevice: number;
  maxStreams: number;
  /**
   * Failed prelogins, sign-ins, joins and organisation creations a source address may make before each
   * further one waits: backoffMs, doubling per failure up to backoffMaxMs. Forgotten after lockoutMs.
   */
  addressFreeFailures: number;
  addressBackoffMs: number;
  addressBackoffMaxMs: number;
  /** Wrong passphrases for one user from one source address before that pair waits lockoutMs. */
  lockoutFailures: number;
  lockoutMs: number;
  /** Stored document bytes per organisation; a push that would grow past it is refused (507). */
  orgQuotaBytes: number;
  /** Bytes of documents in one pull answer (at least one document), besides the count limit. */
  pullMaxBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 72_000,
  timeoutCheckMs: 1_000,
  maxStreamsPerDevice: 4,
  maxStreams: 2_000,
  addressFreeFailures: 10,
  addressBackoffMs: 1_000,
  addressBackoffMaxMs: 60_000,
  lockoutFailures: 10,
  lockoutMs: 15 * 60 * 1000,
  orgQuotaBytes: 2048 * MIB,
  pullMaxBytes: 4 * MIB,
};

/**
 * The key an address is counted under: IPv4 as it is, IPv6 by its /64 network (one machine usually holds
 * a whole /64, so single addresses would cost an attacker nothing), an IPv4-mapped IPv6 as IPv4.
 */
export const addressKey = (ip: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return mapped;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]!.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

export interface AddressBackoff {
  /** Milliseconds this address must still wait before its next attempt; 0 when it may try now. */
  wait(address: string): number;
  failed(address: string): void;
  /**
   * Counts a failure for the address now, before the attempt is evaluated, so concurrent attempts see it
   * (the evaluation awaits the database). Answers the wait in ms (> 0, nothing counted) while the address
   * must wait; otherwise 0, and the attempt holds a failure that `refund` takes back if it did not fail.
   */
  reserve(address: string): { wait: number; refund: () => void };
}

/**
 * Back-off per source address: after `free` failures each further attempt waits base·2^(n−free) ms,
 * capped, since the last failure. A success does not reset it (one valid account must not buy an
 * attacker unlimited guesses at others); failures are forgotten `forgetMs` after the last one.
 */
export const createAddressBackoff = (
  now: () => number,
  limits: Pick<Limits, 'addressFreeFailures' | 'addressBackoffMs' | 'addressBackoffMaxMs' | 'lockoutMs'>,
): AddressBackoff => {
  const failures = new Map<string, { count: number; last: number; seq: number }>();
  const current = (key: string) => {
    const entry = failures.get(key);
    if (entry && now() - entry.last >= limits.lockoutMs) {
      failures.delete(key);
      return undefined;
    }
    return entry;
  };
  const count = (address: string) => {
    const key = addressKey(address);
    // Many addresses must not grow the map without bound: drop expired entries when it gets large.
    if (failures.size > 50_000) for (const k of [...failures.keys()]) current(k);
    const entry = current(key);
    if (entry) {
      const before = entry.last;
      entry.count += 1;
      entry.last = now();
      entry.seq += 1;
      return { entry, seq: entry.seq, before };
    }
    const created = { count: 1, last: now(), seq: 0 };
    failures.set(key, created);
    return { entry: created, seq: 0, before: undefined };
  };
  const waitFor = (address: string) => {
    const entry = current(addressKey(address));
    if (!entry || entry.count < limits.addressFreeFailures) return 0;
    const delay = Math.min(
      limits.addressBackoffMaxMs,
      limits.addressBackoffMs * 2 ** Math.min(30, entry.count - limits.addressFreeFailures),
    );
    return Math.max(0, entry.last + delay - now());
  };
  return {
    wait: waitFor,
    failed(address) {
      count(address);
    },
    reserve(address) {
      const wait = waitFor(address);
      if (wait > 0) return { wait, refund: () => {} };
      const { entry, seq, before } = count(address);
      let refunded = false;
      const refund = () => {
        if (refunded || failures.get(addressKey(address)) !== entry) return;
        refunded = true;
        entry.count -= 1;
        // Restores the last failure unless a later one was counted since: a success must not delay the next.
        if (entry.seq === seq && before !== undefined) entry.last = before;
        if (entry.count <= 0) failures.delete(addressKey(address));
      };
      return { wait: 0, refund };
    },
  };
};
