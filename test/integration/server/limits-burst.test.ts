// Back-off and lockout under parallel requests (server/limits.ts, server/attempts.ts): each attempt is
// counted before the database is asked, so a burst sent at once cannot slip past the limits while the
// first answers are still awaited (on PostgreSQL every query awaits; 300 parallel prelogins once all got
// 401 after a wait expired). An attempt that did not fail is taken back: the right passphrase still works.
import { afterEach, describe, expect, it } from 'vitest';
import type { Limits } from '../../../server/limits';
import type { SignInResponse } from '../../../shared/sync';
import { ADAPTER_NAMES, type AdapterName } from './adapters';
import { b64, call, createOrganisation, deviceKey, newId } from './harness';
import { useServers } from './server-fixture';

const servers = useServers();
let clock = 1_764_000_000_000;
afterEach(() => void (clock += 24 * 60 * 60 * 1000));

const start = async (adapter: AdapterName, limits: Partial<Limits>) =>
  (await servers.start(adapter, { limits, now: () => clock, trustProxy: true })).server.url;

const from = (address: string) => ({ 'x-forwarded-for': address });
const signIn = (url: string, userId: string, authVerifier: string, address: string) =>
  call<SignInResponse>(url, 'POST', '/auth/sign-in', {
    body: { userId, authVerifier, signingKey: deviceKey().publicKey },
    headers: from(address),
  });
const prelogin = (url: string, userId: string, address: string) =>
  call(url, 'POST', '/auth/prelogin', { body: { userId }, headers: from(address) });

/** Status codes of `n` requests sent at once, counted. */
const burst = async (n: number, send: () => Promise<{ status: number }>) => {
  const statuses = (await Promise.all(Array.from({ length: n }, send))).map((r) => r.status);
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

describe.each(ADAPTER_NAMES)('limits under parallel requests (%s)', (adapter) => {
  it('evaluates at most the free failures of a parallel burst of prelogins, then one per expired wait', async () => {
    const url = await start(adapter, {
      addressFreeFailures: 3,
      addressBackoffMs: 1000,
      addressBackoffMaxMs: 1000,
    });
    const admin = await createOrganisation(url);
    const attacker = '203.0.113.50';
    expect(await burst(100, () => prelogin(url, newId(), attacker))).toEqual({ 401: 3, 429: 97 });
    clock += 1000;
    expect(await burst(100, () => prelogin(url, newId(), attacker))).toEqual({ 401: 1, 429: 99 });
    clock += 1000;
    expect(await burst(100, () => signIn(url, newId(), b64(), attacker))).toEqual({ 401: 1, 429: 99 });
    // A prelogin that succeeds gives its attempt back: the address's wait does not move.
    clock += 1000;
    expect((await prelogin(url, admin.userId, attacker)).status).toBe(200);
    expect((await prelogin(url, admin.userId, attacker)).status).toBe(200);
    expect((await prelogin(url, newId(), attacker)).status).toBe(401);
    expect((await prelogin(url, admin.userId, attacker)).status).toBe(429);
  });

  it('locks a user out after the lockout count however many wrong sign-ins arrive at once', async () => {
    const url = await start(adapter, { lockoutFailures: 4, addressFreeFailures: 1000 });
    const admin = await createOrganisation(url);
    const attacker = '203.0.113.51';
    const counts = await burst(60, () => signIn(url, admin.userId, b64(), attacker));
    expect(counts).toEqual({ 401: 4, 429: 56 });
    expect((await signIn(url, admin.userId, admin.authVerifier, attacker)).status).toBe(429);
    // Elsewhere the user is not locked out, and a right passphrase there gives back its attempt.
    const home = '198.51.100.51';
    expect(await burst(3, () => signIn(url, admin.userId, b64(), home))).toEqual({ 401: 3 });
    expect((await signIn(url, admin.userId, admin.authVerifier, home)).status).toBe(200);
    expect(await burst(10, () => signIn(url, admin.userId, b64(), home))).toEqual({ 401: 4, 429: 6 });
  });

  it('takes back the attempts of right sign-ins sent at once with wrong ones', async () => {
    const url = await start(adapter, {
      lockoutFailures: 3,
      addressFreeFailures: 3,
      addressBackoffMs: 60_000,
    });
    const admin = await createOrganisation(url);
    const address = '203.0.113.52';
    const right = await burst(2, () => signIn(url, admin.userId, admin.authVerifier, address));
    expect(right).toEqual({ 200: 2 });
    expect(await burst(2, () => signIn(url, admin.userId, b64(), address))).toEqual({ 401: 2 });
    expect((await signIn(url, admin.userId, admin.authVerifier, address)).status).toBe(200);
    expect((await signIn(url, newId(), b64(), address)).status).toBe(401);
    expect((await signIn(url, admin.userId, admin.authVerifier, address)).status).toBe(429);
  });
});
