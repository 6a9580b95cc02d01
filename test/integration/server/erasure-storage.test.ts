// The erasure ledger and exposure tracking at the storage interface, on both adapters: an existing
// database migrates with its documents' first writers, kinds and subjects filled in; pushes record the
// device that wrote a document first; the ledger refuses erased subjects inside the push transaction.
import { describe, expect, it } from 'vitest';
import type { StoredPushRow } from '../../../server/storage/types';
import { ADAPTER_NAMES, adminRow, deviceRow, useTestDatabase, type AdapterName } from './adapters';

const admin = adminRow();

const doc = (id: string, subjectId: string, payload = 'cipher', deleted = false) =>
  JSON.stringify({
    id,
    kind: 'person',
    subjectId,
    keyId: 'k',
    v: 1,
    payload,
    updatedAt: 1,
    _deleted: deleted,
  });
const row = (id: string, subjectId: string, payload = 'cipher', deleted = false): StoredPushRow => ({
  id,
  doc: doc(id, subjectId, payload, deleted),
  deleted,
  assumed: null,
});

/** What schema version 2 left in a database: one organisation, a device and two documents. */
const version2Statements = (name: AdapterName) => {
  return [
    "INSERT INTO orgs (id, created_at, seq) VALUES ('org1', 1, 2)",
    "INSERT INTO users (id, org_id, role) VALUES ('u1', 'org1', 'admin')",
    `INSERT INTO devices (id, org_id, user_id, token_hash, created_at, expires_at)
     VALUES ('d1', 'org1', 'u1', 'hash', 1, 9000000000000)`,
    `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc)
     VALUES ('records', 'r1', 'org1', 1, ${name === 'sqlite' ? 0 : 'false'}, 1, '${doc('r1', 's1')}')`,
    `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc)
     VALUES ('items', 'i1', 'org1', 2, ${name === 'sqlite' ? 0 : 'false'}, 1, '${doc('i1', 's1')}')`,
  ];
};

describe.each(ADAPTER_NAMES)('erasure ledger and exposure in storage: %s', (name) => {
  const fixture = useTestDatabase(name);
  const open = () => fixture.open();

  it('migrates an existing database: documents keep their first sequence, kind and subject', async () => {
    await fixture.seedAt(2, version2Statements(name));
    const s = await open();
    const page = { collection: 'records', checkpoint: 1, after: null, limit: 10 } as const;
    expect(await s.exposedDocuments('org1', 'd1', page)).toEqual([
      { collection: 'records', id: 'r1', kind: 'person', subjectId: 's1' },
    ]);
    expect(await s.exposedDocuments('org1', 'd1', { ...page, collection: 'items', checkpoint: 1 })).toEqual(
      [],
    );
    // The subject index was filled in: an erasure finds both of the subject's documents.
    const erased = await s.erase('org1', { subjectId: 's1', requestId: 'q1', erasedBy: 'u1' }, 5);
    expect(erased).toMatchObject({ created: true, documents: 2, entry: { seq: 5 } });
  });

  it('records the device that wrote a document first, not the ones that changed it later', async () => {
    const s = await open();
    await s.createOrganisation('org1', admin, 1);
    for (const id of ['d1', 'd2']) await s.insertDevice(deviceRow(id));
    await s.push('org1', 'records', [row('r1', 's1', 'v1')], 2, 'd1');
    const edit = { ...row('r1', 's1', 'v2'), assumed: doc('r1', 's1', 'v1') };
    expect(await s.push('org1', 'records', [edit], 3, 'd2')).toEqual({
      ok: true,
      conflicts: [],
      sequence: 2,
    });
    const page = { collection: 'records', checkpoint: 0, after: null, limit: 10 } as const;
    expect(await s.exposedDocuments('org1', 'd1', page)).toHaveLength(1);
    expect(await s.exposedDocuments('org1', 'd2', page)).toHaveLength(0);
    // Paged in id order.
    await s.push('org1', 'records', [row('r0', 's2'), row('r2', 's3')], 4, 'd1');
    const first = await s.exposedDocuments('org1', 'd1', { ...page, limit: 2 });
    expect(first.map((d) => d.id)).toEqual(['r0', 'r1']);
    expect((await s.exposedDocuments('org1', 'd1', { ...page, after: 'r1' })).map((d) => d.id)).toEqual([
      'r2',
    ]);
  });

  it('refuses erased subjects inside the push, leaving other rows of the same push as usual', async () => {
    const s = await open();
    await s.createOrganisation('org1', admin, 1);
    await s.push('org1', 'records', [row('r1', 'gone', 'secret')], 2);
    await s.erase('org1', { subjectId: 'gone', requestId: 'q1', erasedBy: 'u1' }, 3);
    const outcome = await s.push(
      'org1',
      'records',
      [row('r2', 'kept', 'fine'), row('r1', 'gone', 'again'), row('r3', 'gone', 'new')],
      4,
    );
    expect(outcome).toEqual({
      ok: true,
      conflicts: [doc('r1', 'gone', 'erased', true), doc('r3', 'gone', 'erased', true)],
      sequence: 5,
      erased: 2,
    });
    const pulled = await s.pull('org1', 'records', 0, 10);
    expect(pulled.docs.map((d) => d.doc)).toEqual([
      doc('r1', 'gone', 'erased', true),
      doc('r2', 'kept', 'fine'),
      doc('r3', 'gone', 'erased', true),
    ]);
    // A retried tombstone of the erased subject writes nothing more.
    expect(await s.push('org1', 'records', [row('r3', 'gone', 'new', true)], 5)).toEqual({
      ok: true,
      conflicts: [],
      sequence: null,
      erased: 1,
    });
    const dump = (await s.dumpAllRows()).join('\n');
    for (const gone of ['secret', 'again', '"new"']) expect(dump).not.toContain(gone);
  });
});
