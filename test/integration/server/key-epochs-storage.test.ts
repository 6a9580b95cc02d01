// Key epochs at the storage interface, on both adapters: an existing database migrates with the keyId of
// its key pages filled in, so pages pushed before the upgrade count as pending; and a push racing a
// rotation and a finish (two server instances sharing PostgreSQL) never leaves a live page under an older
// epoch behind a finished one.
import { describe, expect, it } from 'vitest';
import type { StoredPushRow } from '../../../server/storage/types';
import { ADAPTER_NAMES, adminRow, useTestDatabase, type AdapterName } from './adapters';
import { b64 } from './harness';

const admin = adminRow({ sealedOrgKey: b64(80) });

/** A key page as a client pushes it; the same arguments give the same text. */
const pageDoc = (id: string, keyId: string, deleted = false) =>
  JSON.stringify({
    id,
    keyId,
    payload: JSON.stringify({ [`s-${id}`]: `sealed-${keyId}` }),
    _deleted: deleted,
  });
const page = (id: string, keyId: string, assumed: string | null = null): StoredPushRow => ({
  id,
  doc: pageDoc(id, keyId),
  deleted: false,
  assumed,
});

/** What schema version 5 left in a database: an organisation with two live key pages and a tombstone. */
const version5Statements = (name: AdapterName) => {
  const bool = (value: boolean) => (name === 'sqlite' ? (value ? 1 : 0) : String(value));
  return [
    "INSERT INTO orgs (id, created_at, seq) VALUES ('org1', 1, 3)",
    "INSERT INTO users (id, org_id, role, sealed_org_key) VALUES ('u1', 'org1', 'admin', 'sealed')",
    ...[
      ['p1', 'org-key', false],
      ['p2', 'org-key', false],
      ['p3', 'org-key', true],
    ].map(
      ([id, keyId, deleted], i) =>
        `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc, first_seq)
         VALUES ('keys', '${String(id)}', 'org1', ${i + 1}, ${bool(deleted as boolean)}, 1,
           '${pageDoc(String(id), String(keyId), deleted as boolean)}', ${i + 1})`,
    ),
  ];
};

describe.each(ADAPTER_NAMES)('key epochs in storage: %s', (name) => {
  const fixture = useTestDatabase(name);
  const open = () => fixture.open();

  it("migrates an existing database: its key pages' keyIds are indexed, and count as pending", async () => {
    await fixture.seedAt(5, version5Statements(name));
    const s = await open();
    expect(await s.listKeyEpochs('org1')).toEqual([]);
    expect(await s.countPendingKeyPages('org1', 'org-key')).toBe(0);
    const start = {
      previousEpochId: null,
      epochId: 'e0',
      reason: 'first',
      createdBy: 'u1',
      now: 10,
      grants: [{ userId: 'u1', sealed: 'g' }],
    } as const;
    expect(await s.startKeyEpoch('org1', start)).toEqual({
      ok: true,
      epoch: { epochId: 'e0', seq: 0, reason: 'first', createdAt: 10, createdBy: 'u1', finishedAt: null },
    });
    // The two live pages wait; the tombstone does not.
    expect(await s.countPendingKeyPages('org1', 'e0')).toBe(2);
    expect(await s.finishKeyEpoch('org1', 'e0', 11)).toEqual({ ok: false, error: 'pages-pending' });
    const rewrapped = await s.push('org1', 'keys', [page('p1', 'e0', pageDoc('p1', 'org-key'))], 12);
    expect(rewrapped).toMatchObject({ ok: true, conflicts: [] });
    expect(await s.countPendingKeyPages('org1', 'e0')).toBe(1);
    // A page under the organisation key of before epochs is refused from now on, the server's own too.
    expect(await s.push('org1', 'keys', [page('p4', 'org-key')], 13)).toEqual({
      ok: false,
      error: 'key-epoch-stale',
    });
  });

  it('never finishes an epoch while a racing push leaves a page under the previous one', async () => {
    // Two server instances on PostgreSQL: the push and the rotation run on separate connections. A full
    // push (500 pages) is slow to write; the rotation starts 0 to 7 ms after it, so some rotations reach
    // the database while a push is between reading the current epoch and committing.
    const [a, b] = [await open(), await open()];
    expect(await a.createOrganisation('org1', admin, 1, 'e0')).toBe('ok');
    const ids = (i: number) => Array.from({ length: 500 }, (_, k) => `p${i}-${k}`);
    let current = 'e0';
    for (let i = 0; i < 24; i += 1) {
      const next = `e${i + 1}`;
      const rows = ids(i).map((id) => page(id, current));
      const [pushed, finished] = await Promise.all([
        a.push('org1', 'keys', rows, 100 + i),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, i % 8));
          const started = await b.startKeyEpoch('org1', {
            previousEpochId: current,
            epochId: next,
            reason: 'manual',
            createdBy: 'u1',
            now: 100 + i,
            grants: [{ userId: 'u1', sealed: `g${i}` }],
          });
          expect(started.ok).toBe(true);
          return b.finishKeyEpoch('org1', next, 100 + i);
        })(),
      ]);
      // Either the push landed before the rotation (its pages wait, the epoch cannot finish yet) or after
      // it and was refused: never a finished epoch with a page left under the previous one.
      if (pushed.ok) {
        expect(finished).toEqual({ ok: false, error: 'pages-pending' });
        expect(await a.countPendingKeyPages('org1', next)).toBe(rows.length);
        // Its device deletes them (a tombstone passes under any epoch): nothing live waits any more.
        const deleted = ids(i).map((id) => ({
          id,
          doc: pageDoc(id, current, true),
          deleted: true,
          assumed: pageDoc(id, current),
        }));
        expect(await a.push('org1', 'keys', deleted, 100 + i)).toMatchObject({ ok: true, conflicts: [] });
        expect((await b.finishKeyEpoch('org1', next, 100 + i)).ok).toBe(true);
      } else {
        expect(pushed).toEqual({ ok: false, error: 'key-epoch-stale' });
        expect(finished.ok).toBe(true);
      }
      expect(await b.countPendingKeyPages('org1', next)).toBe(0);
      current = next;
    }
    expect((await a.listKeyEpochs('org1')).map((e) => [e.seq, e.finishedAt !== null])).toEqual(
      Array.from({ length: 25 }, (_, seq) => [seq, true]),
    );
  });
});
