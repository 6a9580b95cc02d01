// Documents made by the real client code (vault, repositories, RxDB) pass the wire protocol unchanged,
// make the round trip through the server on both adapters, and leave no plaintext in its database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KluisDatabase } from '../../../shared/store/database';
import type { PullResponse } from '../../../shared/sync/protocol';
import { annelies, bram } from '../../fixtures/people';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { ADAPTER_NAMES } from './adapters';
import { call, createOrganisation, value } from './harness';
import { useServers } from './server-fixture';

let db: KluisDatabase;
let records: object[];
let keys: object[];

beforeAll(async () => {
  db = await memoryDatabase();
  const session = await (await testVault(db)).create(PASSPHRASE);
  await session.people.create(annelies);
  await session.people.create(bram);
  // RxDB's own JSON of each document, with the deletion flag its replication sends.
  records = (await db.records.find().exec()).map((doc) => ({ ...doc.toJSON(), _deleted: false }));
  keys = (await db.keys.find().exec()).map((doc) => ({ ...doc.toJSON(), _deleted: false }));
});
afterAll(async () => {
  await db.remove();
});

describe.each(ADAPTER_NAMES)('real client documents through the server: %s', (name) => {
  const servers = useServers();

  it('are accepted, pulled back unchanged, and stored without plaintext', async () => {
    const { storage, server } = await servers.start(name);
    const admin = await createOrganisation(server.url);
    for (const [collection, docs] of [
      ['keys', keys],
      ['records', records],
    ] as const) {
      const rows = docs.map((doc) => ({ newDocumentState: doc }));
      expect(
        value(await call(server.url, 'POST', `/sync/${collection}/push`, { token: admin.token, body: rows })),
      ).toEqual([]);
      const pulled = value(
        await call<PullResponse>(server.url, 'GET', `/sync/${collection}/pull`, { token: admin.token }),
      );
      expect(new Set(pulled.documents.map((d) => JSON.stringify(d)))).toEqual(
        new Set(docs.map((d) => JSON.stringify(d))),
      );
    }
    expect(records.length).toBeGreaterThanOrEqual(2);
    const rows = (await storage.dumpAllRows()).join('\n');
    for (const secret of [
      'Annelies',
      'Verbeek',
      'annelies.verbeek@voorbeeld.nl',
      'de Wit',
      'bram@dewit-bouw.example',
    ]) {
      expect(rows).not.toContain(secret);
    }
  });
});
