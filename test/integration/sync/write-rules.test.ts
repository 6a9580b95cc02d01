// The real client against the server's write rules (issue 13, item 5), on both adapters: a sales device
// deletes a person it added and its sync is accepted; Delete is not offered for the admin's person nor for
// one with ledger entries; and a client that ignored that and deleted anyway is refused by the server
// with the rule's code, the server's copy untouched.
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../server/storage/types';
import { TEST_KDF } from '../../../shared/crypto/kdf';
import { deleteBlock } from '../../../shared/sync';
import { recordFieldChanges } from '../../../shared/rectification/field-history';
import type { KluisDatabase } from '../../../shared/store/database';
import { connectVault } from '../../../shared/sync/account';
import { joinOrganisation } from '../../../shared/sync';
import { completeInvites, inviteUser } from '../../../shared/sync/admin';
import { sessionPendingInvites } from '../../../shared/sync/pending-invites';
import type { SyncClient } from '../../../shared/sync/replication';
import { annelies, bram, zeeland } from '../../fixtures/people';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { ADAPTER_NAMES, ADAPTERS, type TestDatabase } from '../server/adapters';
import { startServer, type RunningServer } from '../server/harness';
import { syncClient } from './two-devices';

let database: TestDatabase;
let storage: Storage;
let server: RunningServer;
const dbs: KluisDatabase[] = [];
const newDb = async () => {
  const db = await memoryDatabase();
  dbs.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.remove()));
  await server.close();
  await storage.close();
  await database.destroy();
});

const syncNow = async (client: SyncClient) => {
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

/** The admin's device with two people (one with field history), and a sales user's device joined to it. */
const organisation = async () => {
  const adminDb = await newDb();
  const admin = await (await testVault(adminDb)).create(PASSPHRASE);
  const [plain, edited] = await admin.people.createMany([annelies, bram]);
  await recordFieldChanges(admin, edited!.id, [{ field: 'jobTitle', before: null, after: 'Inkoper' }], {
    subjectKind: 'person',
    actor: { userId: 'admin', deviceId: 'admin-device' },
  });
  const linked = await connectVault({ fetch, serverUrl: server.url, db: adminDb, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  await syncNow(syncClient(adminDb, linked.value));
  const pending = sessionPendingInvites(admin);
  const invited = await inviteUser(fetch, linked.value, 'sales', pending);
  if (!invited.ok) throw new Error(invited.error);
  const salesDb = await newDb();
  const joined = await joinOrganisation({
    fetch,
    serverUrl: server.url,
    db: salesDb,
    userId: invited.value.userId,
    inviteCode: invited.value.inviteCode,
    passphrase: 'blauwe reiger op het ijs',
    kdf: TEST_KDF,
  });
  if (!joined.ok) throw new Error(joined.error);
  const signer = await admin.deviceSigner();
  await completeInvites(fetch, linked.value, pending, () => ({
    orgKey: admin.orgKey,
    orgKeyId: admin.orgKeyId,
    signer,
    pageKey: admin.epochPageKey,
  }));
  const finished = await joined.value.finish(fetch, salesDb);
  if (!finished.ok) throw new Error(finished.error);
  const link = joined.value.link;
  await syncNow(syncClient(salesDb, link));
  return { admin, sales: finished.value, salesDb, link, plain: plain!, edited: edited! };
};

describe.each(ADAPTER_NAMES)('the client keeps to the server write rules: %s', (name) => {
  it('deletes what the sales device added; offers no Delete the server would refuse, which refuses it', async () => {
    database = await ADAPTERS[name]();
    storage = await database.open();
    await storage.migrate();
    server = await startServer(storage);
    const { sales, salesDb, link, plain, edited } = await organisation();
    const who = { role: link.role, linked: true };

    // A person and an organisation the sales device adds, synced, then deleted: every push accepted.
    const own = await sales.people.create({ ...annelies, givenName: 'Anne' });
    const org = await sales.organisations.create(zeeland);
    const client = syncClient(salesDb, link);
    await syncNow(client);
    expect(await deleteBlock(salesDb, own.id, who)).toBeNull();
    await sales.people.remove(own.id);
    await sales.organisations.remove(org.id);
    await syncNow(client);
    expect(client.status.error).toBeNull();
    const keys = await storage.pull(link.orgId, 'keys', 0, 1000);
    const stored = keys.docs.map((d) => d.doc).join('\n');
    expect(stored).not.toContain(own.id);
    expect(stored).not.toContain(org.id);

    // The admin's people: not this device's key page, and one with field history.
    expect(await deleteBlock(salesDb, plain.id, who)).toBe('not-own');
    expect(await deleteBlock(salesDb, edited.id, who)).toBe('ledger');

    // A client that deleted anyway: the server refuses the push with the rule's code and stores nothing.
    const before = (await storage.dumpAllRows()).filter((row) => row.includes('"doc"')).sort();
    await sales.people.remove(plain.id);
    const rogue = syncClient(salesDb, link);
    const seen = new Set<string>();
    const watching = rogue.status$.subscribe((status) => void (status.error && seen.add(status.error)));
    // Its first sync never completes: the refused push is retried until the device is fixed.
    void rogue.start();
    await expect.poll(() => seen.has('key-page-admin-only'), { timeout: 10_000 }).toBe(true);
    watching.unsubscribe();
    await rogue.stop();
    // Records of a subject are not append-only: their tombstones may land; the key page may not change.
    const after = (await storage.dumpAllRows()).filter((row) => row.includes('"doc"')).sort();
    const keyRows = (rows: string[]) => rows.filter((row) => row.includes('"collection":"keys"'));
    expect(keyRows(after)).toEqual(keyRows(before));
  });
});
