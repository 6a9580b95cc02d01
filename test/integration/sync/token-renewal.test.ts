// Device tokens renew themselves (issue 16): against the real server with a token life of seconds instead
// of 30 days, and real time passing, a device keeps syncing past its first token's expiry, the renewed
// token is the one sealed in the vault (and works after reopening), the old one is refused, and a token
// that expired while the device was away stops sync with 'token-expired' instead of retrying for ever,
// until the passphrase signs the same device in again; a request overtaken by a renewal goes again.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../server/app';
import type { Storage } from '../../../server/storage/types';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault } from '../../../shared/sync/account';
import {
  liveLink,
  loadLink,
  saveLink,
  ROUTES,
  serverClient,
  signInSessionAgain,
  type AccountLink,
  type LiveLink,
} from '../../../shared/sync';
import { SyncClient } from '../../../shared/sync/replication';
import type { Session } from '../../../shared/vault/session';
import { annelies, bram } from '../../fixtures/people';
import { linkableVault, memoryDatabase, PASSPHRASE } from '../../helpers/store';
import { ADAPTERS, type TestDatabase } from '../server/adapters';
import { call, startServer, type RunningServer } from '../server/harness';
import { signInWithPassphrase } from './two-devices';

/** The server's token life here; the devices renew once less than RENEW_BEFORE_MS of it is left. */
const LIFETIME_MS = 6_000;
const RENEW_BEFORE_MS = 4_000;

let database: TestDatabase | undefined;
let storage: Storage | undefined;
let server: RunningServer | undefined;
const closing: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await server?.close();
  await storage?.close();
  await database?.destroy();
  server = storage = database = undefined;
});

const serverWith = async (options: Parameters<typeof startServer>[1]) => {
  database = await ADAPTERS.sqlite();
  storage = await database.open();
  await storage.migrate();
  server = await startServer(storage, options);
  return server;
};
const serverWithTokenLife = (lifetimeMs: number) => serverWith({ tokenLifetimeMs: lifetimeMs });

interface Running {
  link: LiveLink;
  sync: SyncClient;
  requests: string[];
}

/** Runs sync as the app does: a live link stored in the vault on renewal, and its client with it. */
const startSync = async (
  session: Session,
  db: KluisDatabase,
  stored: AccountLink,
  { onExpired, now }: { onExpired?: () => void; now?: () => number } = {},
): Promise<Running> => {
  const requests: string[] = [];
  const counting: typeof fetch = (input, init) => {
    requests.push(new URL(String(input)).pathname);
    return fetch(input, init);
  };
  const link = liveLink(stored, {
    fetch: counting,
    store: (next) => saveLink(session, next),
    renewBeforeMs: RENEW_BEFORE_MS,
    ...(onExpired ? { onExpired } : {}),
    ...(now ? { now } : {}),
  });
  const sync = new SyncClient({
    db,
    fetch: counting,
    serverUrl: link.serverUrl,
    token: link.token,
    renewal: link.renewal,
    identifier: `${link.serverUrl}|${link.deviceId}`,
    role: link.role,
    live: true,
    retryMs: 50,
  });
  closing.push(async () => {
    link.close();
    await sync.stop();
  });
  // A client turned away before its first pull never finishes starting: only its status tells.
  if (onExpired) void sync.start().catch(() => undefined);
  else await sync.start();
  return { link, sync, requests };
};

const arrives = (db: KluisDatabase, id: string) =>
  expect.poll(async () => (await db.records.findOne(id).exec())?.id, { timeout: 30_000 }).toBe(id);

const pullWith = async (url: string, token: string) =>
  (await call(url, 'GET', '/sync/records/pull?checkpoint=0', { token })).body;

describe('device token renewal', () => {
  it('keeps a device syncing past its first token, stores the renewed token and refuses the old one', async () => {
    const { url } = await serverWithTokenLife(LIFETIME_MS);
    const dbA = await memoryDatabase();
    const sessionA = await (await linkableVault(dbA)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: url, db: dbA, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    await saveLink(sessionA, linked.value);
    const dbB = await memoryDatabase();
    const signedIn = await signInWithPassphrase(fetch, url, dbB, linked.value.userId);
    await saveLink(signedIn.session, signedIn.link);
    closing.push(async () => {
      await dbA.remove();
      await dbB.remove();
    });

    const first = linked.value;
    const a = await startSync(sessionA, dbA, first);
    const b = await startSync(signedIn.session, dbB, signedIn.link);

    // Past the first token's expiry, a write on each side still reaches the other through the live
    // stream (which would otherwise have been refused with the old token, ending sync).
    await new Promise((resolve) => setTimeout(resolve, first.expiresAt - Date.now() + 500));
    expect(a.link.token).not.toBe(first.token);
    expect(a.link.expiresAt).toBeGreaterThan(Date.now());
    const fromB = await signedIn.session.people.create(bram);
    await arrives(dbA, fromB.id);
    const fromA = await sessionA.people.create(annelies);
    await arrives(dbB, fromA.id);
    expect(a.sync.status).toMatchObject({ error: null, wipe: false });
    expect(a.requests).toContain('/auth/renew');

    // The old token is refused; the renewed one, as sealed in A's vault, is the one in use.
    expect(await pullWith(url, first.token)).toEqual({ ok: false, error: 'unauthenticated' });
    const stored = await loadLink(sessionA);
    expect(stored).toMatchObject({
      token: a.link.token,
      expiresAt: a.link.expiresAt,
      deviceId: first.deviceId,
    });
    expect(stored).not.toHaveProperty('renewal');

    // Reopened from what the vault holds, A syncs on with the stored token.
    a.link.close();
    await a.sync.stop();
    const meanwhile = await signedIn.session.people.create({ ...annelies, givenName: 'Noor' });
    const reopened = await startSync(sessionA, dbA, stored!);
    await arrives(dbA, meanwhile.id);
    expect(reopened.sync.status).toMatchObject({ error: null });
    expect(b.sync.status).toMatchObject({ error: null });
  }, 60_000);

  it('stops with token-expired, once, when the token ran out while the device was away', async () => {
    const { url } = await serverWithTokenLife(1_000);
    const db = await memoryDatabase();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    closing.push(async () => void (await db.remove()));
    // The laptop was closed past its token's life.
    await new Promise((resolve) => setTimeout(resolve, linked.value.expiresAt - Date.now() + 200));

    let expired = 0;
    const device = await startSync(session, db, linked.value, { onExpired: () => (expired += 1) });
    await expect.poll(() => device.sync.status.error).toBe('token-expired');
    expect(expired).toBe(1);
    // The renewal was refused once, and nothing asks again: a client retrying every 50 ms would have
    // sent a dozen requests in the pause.
    const asked = device.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    await device.link.renewal.fresh();
    expect(device.requests.length).toBe(asked);
    expect(device.requests.filter((path) => path === '/auth/renew')).toHaveLength(1);
    expect(device.link.renewal.isExpired).toBe(true);
    expect(await pullWith(url, linked.value.token)).toEqual({ ok: false, error: 'token-expired' });
  }, 30_000);

  it('signs the same device in again with the passphrase once its token expired, and sync resumes', async () => {
    // The server's 30-day tokens, and a month passing on both clocks while the laptop is closed.
    let away = 0;
    const clock = () => Date.now() + away;
    const { url } = await serverWith({ now: clock });
    const db = await memoryDatabase();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    await saveLink(session, linked.value);
    closing.push(async () => void (await db.remove()));
    away = 31 * DAY_MS;
    const expired = await startSync(session, db, linked.value, { onExpired: () => undefined, now: clock });
    await expect.poll(() => expired.sync.status.error).toBe('token-expired');
    expired.link.close();
    await expired.sync.stop();

    const again = (passphrase: string) =>
      signInSessionAgain(session, { fetch, link: expired.link, passphrase });
    expect(await again('not the passphrase at all')).toEqual({ ok: false, error: 'wrong-passphrase' });
    const signedIn = await again(PASSPHRASE);
    if (!signedIn.ok) throw new Error(signedIn.error);
    // The same device (its id, replication state and signing key) with a new token, sealed in the vault.
    expect(signedIn.value).toMatchObject({ deviceId: linked.value.deviceId, userId: linked.value.userId });
    expect(signedIn.value.expiresAt).toBeGreaterThan(clock() + 29 * DAY_MS);
    const stored = await loadLink(session);
    expect(stored).toEqual(signedIn.value);
    expect(await storage!.listDevices(linked.value.orgId)).toHaveLength(1);

    const resumed = await startSync(session, db, stored!, { now: clock });
    const person = await session.people.create(annelies);
    await expect
      .poll(async () => (await storage!.pull(linked.value.orgId, 'records', 0, 100)).docs.length, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    expect(JSON.stringify((await storage!.pull(linked.value.orgId, 'records', 0, 100)).docs)).toContain(
      person.id,
    );
    expect(resumed.sync.status).toMatchObject({ error: null });
  }, 60_000);

  it('sends a request again with the renewed token when a renewal overtook it on the way', async () => {
    const { url } = await serverWith({});
    const db = await memoryDatabase();
    const session = await (await linkableVault(db)).create(PASSPHRASE);
    const linked = await connectVault({ fetch, serverUrl: url, db, passphrase: PASSPHRASE });
    if (!linked.ok) throw new Error(linked.error);
    closing.push(async () => void (await db.remove()));
    let clock = Date.now();
    let overtake = true;
    const sent: string[] = [];
    // The first pull leaves with the first token; before it arrives, the link renews (as another client
    // of this device would when its token fell due) and the server replaces that token.
    const network: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      const first = new Headers(init?.headers).get('authorization') === `Bearer ${linked.value.token}`;
      sent.push(`${path} ${first ? 'first token' : 'renewed token'}`);
      if (path.endsWith('/pull') && overtake) {
        overtake = false;
        clock += 30 * DAY_MS;
        await link.renewal.fresh();
        clock -= 30 * DAY_MS;
      }
      return fetch(input, init);
    };
    const link: LiveLink = liveLink(linked.value, {
      fetch: network,
      store: (next) => saveLink(session, next),
      now: () => clock,
    });
    closing.push(async () => link.close());

    const pulled = await serverClient(network, link).call(ROUTES.pull, {
      params: { collection: 'records' },
      query: { checkpoint: 0, limit: 10 },
    });
    expect(pulled).toMatchObject({ ok: true });
    expect(sent).toEqual([
      '/sync/records/pull first token',
      '/auth/renew first token',
      '/sync/records/pull renewed token',
    ]);
  });
});
