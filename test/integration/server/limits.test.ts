// Each limit of server/limits.ts answers as README documents it, on both adapters, with small configured
// limits so nothing waits long: slow requests and headers are timed out (408), idle keep-alive connections
// closed, event streams capped per device and in total (503 too-many-streams), failures backed off per
// source address (429 too-many-attempts) with the lockout per user and address, organisation creation
// closed after the first without the setup code (403 setup-code-required), the organisation's storage
// quota (507 quota-exceeded) and pull pages bounded by bytes (`more`).
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Limits } from '../../../server/limits';
import type { Storage } from '../../../server/storage/types';
import type { PullResponse, SignInResponse } from '../../../shared/sync';
import { ADAPTER_NAMES, type AdapterName } from './adapters';
import {
  addMember,
  b64,
  call,
  createOrganisation,
  deviceKey,
  newId,
  openStream,
  organisationBody,
  personRecord,
  userKeys,
  value,
  type EventStream,
} from './harness';
import { useServers } from './server-fixture';

const servers = useServers();
let storage: Storage | undefined;
const streams: EventStream[] = [];

afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  storage = undefined;
});

let clock = 1_764_000_000_000;
const start = async (
  adapter: AdapterName,
  limits: Partial<Limits>,
  options: { setupCode?: string; trustProxy?: boolean } = {},
) => {
  const started = await servers.start(adapter, { limits, now: () => clock, ...options });
  storage = started.storage;
  return started.server.url;
};

/** A raw HTTP/1.1 exchange: writes `text`, then collects what comes back until the server closes. */
const raw = (url: string, text: string) =>
  new Promise<{ data: string; closedAfterMs: number }>((resolve, reject) => {
    const { port } = new URL(url);
    const started = performance.now();
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve({ data, closedAfterMs: performance.now() - started }));
  });

const from = (address: string) => ({ 'x-forwarded-for': address });

const signIn = (url: string, userId: string, authVerifier: string, address: string) =>
  call<SignInResponse>(url, 'POST', '/auth/sign-in', {
    body: { userId, authVerifier, signingKey: deviceKey().publicKey },
    headers: from(address),
  });

const newOrganisation = (url: string, headers: Record<string, string> = {}) =>
  call<SignInResponse>(url, 'POST', '/orgs', {
    body: organisationBody(),
    headers,
  });

describe('HTTP timeouts', () => {
  const limits = {
    requestTimeoutMs: 400,
    headersTimeoutMs: 250,
    keepAliveTimeoutMs: 300,
    timeoutCheckMs: 50,
  };

  it.each([
    [
      'a request body',
      'POST /auth/sign-in HTTP/1.1\r\nHost: kluis\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"us',
      '{"ok":false,"error":"request-timeout"}',
      350,
    ],
    ['headers', 'GET /healthz HTTP/1.1\r\nHost: kluis\r\n', 'request-timeout', 200],
  ])(
    'answers %s not arriving in time with 408 request-timeout and closes',
    async (_, request, body, minMs) => {
      const url = await start('sqlite', limits);
      const { data, closedAfterMs } = await raw(url, request);
      expect(data).toMatch(/^HTTP\/1\.1 408 /);
      expect(data).toContain(body);
      expect(closedAfterMs).toBeGreaterThanOrEqual(minMs);
      expect(closedAfterMs).toBeLessThan(5_000);
    },
  );

  it('closes an idle kept-alive connection after the keep-alive timeout, and says so', async () => {
    const url = await start('sqlite', limits);
    const { data, closedAfterMs } = await raw(url, 'GET /healthz HTTP/1.1\r\nHost: kluis\r\n\r\n');
    expect(data).toMatch(/^HTTP\/1\.1 200 /);
    expect(data).toMatch(/Keep-Alive: timeout=0?\b/i);
    expect(closedAfterMs).toBeGreaterThanOrEqual(250);
    expect(closedAfterMs).toBeLessThan(5_000);
  });

  it('keeps an event stream open past the request timeout (it has no body to wait for)', async () => {
    const url = await start('sqlite', limits);
    const admin = await createOrganisation(url);
    const stream = await openStream(url, admin.token);
    streams.push(stream);
    await stream.next();
    await new Promise((resolve) => setTimeout(resolve, 700));
    value(
      await call(url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: await personRecord({ n: 1 }) }],
      }),
    );
    expect(await stream.next()).toMatchObject({ checkpoint: 1 });
  });
});

describe.each(ADAPTER_NAMES)('limits (%s)', (adapter) => {
  it('caps open event streams per device and in total with 503 too-many-streams and Retry-After', async () => {
    const url = await start(adapter, { maxStreamsPerDevice: 2, maxStreams: 3 });
    const admin = await createOrganisation(url);
    const member = await addMember(url, admin, 'sales');
    streams.push(await openStream(url, admin.token), await openStream(url, admin.token));
    const refused = await fetch(`${url}/sync/stream`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toEqual({ ok: false, error: 'too-many-streams' });
    // Another device still gets one, up to the total.
    streams.push(await openStream(url, member.token));
    const total = await fetch(`${url}/sync/stream`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(total.status).toBe(503);
    expect(await total.json()).toEqual({ ok: false, error: 'too-many-streams' });
    // A closed stream frees its place.
    streams.shift()?.close();
    await expect
      .poll(async () => {
        const again = await fetch(`${url}/sync/stream`, {
          headers: { authorization: `Bearer ${member.token}` },
        });
        if (again.ok) void again.body?.cancel();
        return again.status;
      })
      .toBe(200);
  });

  it('locks a user out per source address: wrong passphrases from one address do not lock out another', async () => {
    const url = await start(adapter, { lockoutFailures: 3, addressFreeFailures: 100 }, { trustProxy: true });
    const admin = await createOrganisation(url);
    for (let i = 0; i < 3; i += 1)
      expect((await signIn(url, admin.userId, b64(), '203.0.113.7')).status).toBe(401);
    expect(await signIn(url, admin.userId, admin.authVerifier, '203.0.113.7')).toMatchObject({
      status: 429,
      body: { error: 'too-many-attempts' },
    });
    expect((await signIn(url, admin.userId, admin.authVerifier, '198.51.100.20')).status).toBe(200);
    // The same /64 of IPv6 is one address.
    for (let i = 0; i < 3; i += 1)
      expect((await signIn(url, admin.userId, b64(), '2001:db8:1:2::10')).status).toBe(401);
    expect((await signIn(url, admin.userId, admin.authVerifier, '2001:db8:1:2:ffff::1')).status).toBe(429);
    expect((await signIn(url, admin.userId, admin.authVerifier, '2001:db8:1:3::1')).status).toBe(200);
    clock += 15 * 60 * 1000;
    expect((await signIn(url, admin.userId, admin.authVerifier, '203.0.113.7')).status).toBe(200);
  });

  it('backs off a source address that fails sign-ins on many users, doubling the wait, and no other', async () => {
    const url = await start(
      adapter,
      { addressFreeFailures: 3, addressBackoffMs: 1000, addressBackoffMaxMs: 4000, lockoutFailures: 100 },
      { trustProxy: true },
    );
    const admin = await createOrganisation(url);
    const attacker = '203.0.113.9';
    for (let i = 0; i < 3; i += 1) expect((await signIn(url, newId(), b64(), attacker)).status).toBe(401);
    const waiting = await fetch(`${url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...from(attacker) },
      body: JSON.stringify({ userId: newId(), authVerifier: b64(), signingKey: deviceKey().publicKey }),
    });
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('1');
    expect(await waiting.json()).toEqual({ ok: false, error: 'too-many-attempts' });
    // Not the user's lockout: the admin signs in from elsewhere.
    expect((await signIn(url, admin.userId, admin.authVerifier, '198.51.100.1')).status).toBe(200);
    clock += 1000;
    expect((await signIn(url, newId(), b64(), attacker)).status).toBe(401);
    clock += 1000;
    expect((await signIn(url, newId(), b64(), attacker)).status).toBe(429); // now 2 s
    clock += 1000;
    expect((await signIn(url, newId(), b64(), attacker)).status).toBe(401);
    clock += 4000; // capped at 4 s
    expect((await signIn(url, newId(), b64(), attacker)).status).toBe(401);
  });

  it('backs off prelogins of unknown users, wrong invite codes and wrong setup codes per address', async () => {
    const url = await start(
      adapter,
      { addressFreeFailures: 2, addressBackoffMs: 60_000, addressBackoffMaxMs: 60_000 },
      { trustProxy: true, setupCode: 'setup-code-for-tests' },
    );
    const admin = await createOrganisation(url);
    const prelogin = (address: string, userId = newId()) =>
      call(url, 'POST', '/auth/prelogin', { body: { userId }, headers: from(address) });
    for (let i = 0; i < 2; i += 1) expect((await prelogin('203.0.113.1')).status).toBe(401);
    expect((await prelogin('203.0.113.1', admin.userId)).status).toBe(429);
    expect((await prelogin('203.0.113.2', admin.userId)).status).toBe(200);

    const join = (address: string) =>
      call(url, 'POST', '/auth/join', {
        body: {
          userId: admin.userId,
          inviteCode: randomBytes(24).toString('base64url'),
          authVerifier: b64(),
          keys: userKeys(),
          signingKey: deviceKey().publicKey,
        },
        headers: from(address),
      });
    for (let i = 0; i < 2; i += 1) expect((await join('203.0.113.3')).status).toBe(401);
    expect((await join('203.0.113.3')).status).toBe(429);

    const create = (address: string) =>
      newOrganisation(url, { ...from(address), 'x-kluis-setup-code': 'a-guess-at-the-code' });
    for (let i = 0; i < 2; i += 1)
      expect(await create('203.0.113.4')).toMatchObject({
        status: 403,
        body: { error: 'setup-code-required' },
      });
    expect(await create('203.0.113.4')).toMatchObject({ status: 429, body: { error: 'too-many-attempts' } });
  });

  it('closes organisation creation once one exists, unless the setup code is given', async () => {
    const url = await start(adapter, {}, { setupCode: 'setup-code-for-tests' });
    expect((await newOrganisation(url)).status).toBe(201);
    expect(await newOrganisation(url)).toMatchObject({ status: 403, body: { error: 'setup-code-required' } });
    expect(await newOrganisation(url, { 'x-kluis-setup-code': 'setup-code-for-test' })).toMatchObject({
      status: 403,
      body: { error: 'setup-code-required' },
    });
    expect((await newOrganisation(url, { 'x-kluis-setup-code': 'setup-code-for-tests' })).status).toBe(201);
  });

  it("refuses a push past the organisation's quota with 507 quota-exceeded; edits and deletions still pass", async () => {
    const url = await start(adapter, { orgQuotaBytes: 40_000 });
    const admin = await createOrganisation(url);
    const other = await createOrganisation(url);
    const big = () => personRecord({ note: 'x'.repeat(6_000) });
    const push = (token: string, docs: object[]) =>
      call(url, 'POST', '/sync/records/push', {
        token,
        body: docs.map((newDocumentState) => ({ newDocumentState })),
      });
    /** An edit or a deletion of `master`, which the server stores. */
    const replace = (doc: object, master: object) =>
      call(url, 'POST', '/sync/records/push', {
        token: admin.token,
        body: [{ newDocumentState: doc, assumedMasterState: master }],
      });
    const stored: Awaited<ReturnType<typeof big>>[] = [];
    for (let i = 0; i < 20; i += 1) {
      const doc = await big();
      const reply = await push(admin.token, [doc]);
      if (reply.status !== 200) {
        expect(reply).toEqual({ status: 507, body: { ok: false, error: 'quota-exceeded' } });
        break;
      }
      stored.push(doc);
    }
    expect(stored.length).toBeGreaterThan(2);
    expect(stored.length).toBeLessThan(10);
    expect(await storage!.storedBytes(admin.orgId)).toBeLessThanOrEqual(40_000);
    // Per organisation: another one still stores.
    expect((await push(other.token, [await big()])).status).toBe(200);
    // A replacement that does not grow the store, and a deletion, are taken.
    const edited = { ...(await big()), id: stored[0]!.id, subjectId: stored[0]!.subjectId };
    expect((await replace(edited, stored[0]!)).status).toBe(200);
    const deleted = { ...stored[1]!, _deleted: true };
    expect((await replace(deleted, stored[1]!)).status).toBe(200);
  });

  it('bounds a pull page by bytes as well as count, says `more`, and loses nothing page by page', async () => {
    const url = await start(adapter, { pullMaxBytes: 20_000 });
    const admin = await createOrganisation(url);
    const docs = [];
    for (let i = 0; i < 7; i += 1) docs.push(await personRecord({ note: `${i}`.repeat(6_000) }));
    // Documents larger than the bound still come: the second of two alone.
    docs.push(
      await personRecord({ note: 'y'.repeat(30_000) }),
      await personRecord({ note: 'z'.repeat(30_000) }),
    );
    for (const doc of docs)
      value(
        await call(url, 'POST', '/sync/records/push', {
          token: admin.token,
          body: [{ newDocumentState: doc }],
        }),
      );
    const ids: string[] = [];
    const sizes: number[] = [];
    let checkpoint = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = value(
        await call<PullResponse>(url, 'GET', `/sync/records/pull?checkpoint=${checkpoint}&limit=1000`, {
          token: admin.token,
        }),
      );
      if (page.documents.length === 0) break;
      sizes.push(page.documents.length);
      ids.push(...page.documents.map((d) => d.id));
      expect(page.more).toBe(ids.length < docs.length ? true : undefined);
      checkpoint = page.checkpoint;
    }
    expect(ids).toEqual(docs.map((d) => d.id));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(sizes.at(-1)).toBe(1);
  });
});
