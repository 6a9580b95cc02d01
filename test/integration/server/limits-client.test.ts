// How the real sync client (shared/sync/replication.ts) meets the server's limits: a stream refused with
// 503 too-many-streams is retried later while pulls and pushes go on (not a hard failure, no wipe); a push
// past the quota shows as the sync error 'quota-exceeded'; pages cut short by the pull byte bound are
// followed to the end, so a first sync gets everything.
import { afterEach, describe, expect, it } from 'vitest';
import type { Limits } from '../../../server/limits';
import type { KluisDatabase } from '../../../shared/store/database';
import { SyncClient } from '../../../shared/sync/replication';
import { memoryDatabase } from '../../helpers/store';
import {
  addMember,
  call,
  createOrganisation,
  openStream,
  personRecord,
  value,
  type EventStream,
} from './harness';
import { useServers } from './server-fixture';

const servers = useServers();
let db: KluisDatabase | undefined;
let client: SyncClient | undefined;
const streams: EventStream[] = [];

afterEach(async () => {
  await client?.stop();
  await db?.remove();
  for (const stream of streams.splice(0)) stream.close();
  client = db = undefined;
});

const start = async (limits: Partial<Limits>) => (await servers.start('sqlite', { limits })).server.url;

const newClient = async (url: string, token: string, live = true) => {
  db = await memoryDatabase();
  client = new SyncClient({
    db,
    fetch,
    serverUrl: url,
    token,
    identifier: 'limits',
    role: 'admin',
    retryMs: 50,
    maxRetryMs: 200,
    live,
  });
  return { db, client };
};

const push = async (url: string, token: string, doc: object) =>
  value(await call(url, 'POST', '/sync/records/push', { token, body: [{ newDocumentState: doc }] }));

describe('the sync client against the limits', () => {
  it('retries a stream refused with 503 too-many-streams, keeps syncing, and goes live once one is free', async () => {
    const url = await start({ maxStreams: 1 });
    const admin = await createOrganisation(url);
    const other = await addMember(url, admin, 'sales');
    // Another device holds the only stream.
    const held = await openStream(url, other.token);
    streams.push(held);
    const { db: local, client: syncing } = await newClient(url, admin.token);
    await syncing.start();
    await expect.poll(() => syncing.status.error, { timeout: 10_000 }).toBe('too-many-streams');
    expect(syncing.status.wipe).toBe(false);
    // Pulls still work: a change made elsewhere arrives on the next pull.
    const first = await personRecord({ n: 1 });
    await push(url, other.token, first);
    syncing.reSync();
    await expect.poll(async () => (await local.records.findOne(first.id).exec()) !== null).toBe(true);
    // Once the stream is free, the client's retry takes it and changes arrive live, without asking.
    held.close();
    streams.length = 0;
    await expect
      .poll(
        async () => {
          const doc = await personRecord({ n: 2 });
          await push(url, other.token, doc);
          await new Promise((resolve) => setTimeout(resolve, 300));
          return (await local.records.findOne(doc.id).exec()) !== null;
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(true);
  });

  it("shows a push past the organisation's quota as the sync error 'quota-exceeded'", async () => {
    const url = await start({ orgQuotaBytes: 40_000 });
    const admin = await createOrganisation(url);
    for (let i = 0; i < 4; i += 1)
      await push(url, admin.token, await personRecord({ note: 'x'.repeat(6_000) }));
    const { db: local, client: syncing } = await newClient(url, admin.token);
    await syncing.start();
    const doc = await personRecord({ note: 'y'.repeat(20_000) });
    await local.records.insert(doc as never);
    await expect.poll(() => syncing.status.error, { timeout: 10_000 }).toBe('quota-exceeded');
    expect(syncing.status.pending).toBeGreaterThan(0);
    expect(syncing.status.wipe).toBe(false);
  });

  it('follows pages cut short by the byte bound to the end of a first sync', async () => {
    const url = await start({ pullMaxBytes: 15_000 });
    const admin = await createOrganisation(url);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const doc = await personRecord({ note: `${i}`.repeat(5_000) });
      ids.push(doc.id);
      await push(url, admin.token, doc);
    }
    // Not live: no stream event asks for another pull, only the page's `more`.
    const { db: local, client: syncing } = await newClient(url, admin.token, false);
    await syncing.start();
    await expect
      .poll(async () => (await local.records.find().exec()).map((d) => d.id).sort(), { timeout: 10_000 })
      .toEqual([...ids].sort());
  });
});
