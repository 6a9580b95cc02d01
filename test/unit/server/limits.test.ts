import { describe, expect, it } from 'vitest';
import { addressKey, createAddressBackoff } from '../../../server/limits';
import { createQuota } from '../../../server/quota';

describe('source address keys', () => {
  it('counts IPv4 as it is, IPv4-mapped IPv6 as IPv4 and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::10')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

describe('address back-off', () => {
  it('lets the free failures through, then doubles the wait up to the cap, and forgets after the window', () => {
    let clock = 0;
    const backoff = createAddressBackoff(() => clock, {
      addressFreeFailures: 2,
      addressBackoffMs: 100,
      addressBackoffMaxMs: 300,
      lockoutMs: 10_000,
    });
    backoff.failed('a');
    expect(backoff.wait('a')).toBe(0);
    backoff.failed('a');
    expect(backoff.wait('a')).toBe(100);
    expect(backoff.wait('b')).toBe(0);
    clock = 100;
    backoff.failed('a');
    expect(backoff.wait('a')).toBe(200);
    backoff.failed('a');
    expect(backoff.wait('a')).toBe(300);
    backoff.failed('a');
    expect(backoff.wait('a')).toBe(300);
    clock = 100 + 10_000;
    expect(backoff.wait('a')).toBe(0);
  });
});

describe('storage quota', () => {
  const rows = (bytes: number, id = 'd') => [{ id, doc: 'x'.repeat(bytes), deleted: false, assumed: null }];

  it('admits pushes until the estimate reaches the quota, then counts exactly before refusing', async () => {
    let stored = 0;
    let counts = 0;
    const quota = createQuota(
      {
        storedBytes: async () => {
          counts += 1;
          return stored;
        },
        documentBytes: async (_org, _collection, ids) => (ids.includes('old') ? 400 : 0),
      },
      1000,
      () => 0,
    );
    expect(await quota.admit('o', 'records', rows(600))).toBe(true);
    stored = 600;
    expect(counts).toBe(1);
    // Over the estimate: counted again, still over, refused.
    expect(await quota.admit('o', 'records', rows(500))).toBe(false);
    expect(counts).toBe(2);
    // A replacement of a 400-byte document by 450 bytes fits (600 - 400 + 450).
    expect(await quota.admit('o', 'records', rows(450, 'old'))).toBe(true);
    // Over the quota, a push that does not grow the store is still admitted.
    stored = 2000;
    expect(await quota.admit('o', 'records', rows(300, 'old'))).toBe(true);
  });
});
