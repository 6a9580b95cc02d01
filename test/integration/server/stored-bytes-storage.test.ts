// Each organisation's stored bytes as the database keeps them (migration 0009), on both adapters: the
// running figure the quota reads equals the sum over the organisation's documents after every kind of
// write — inserts, replacements, tombstones, erasures, purges, a restore's re-applied erasures — after the
// migration of an existing database, and after two server instances push to one organisation at once.
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { reapplyErasures } from '../../../server/restore';
import type { Storage, StoredPushRow } from '../../../server/storage/types';
import {
  ADAPTER_NAMES,
  adminRow,
  POSTGRES_URL,
  useTestDatabase,
  type AdapterName,
  type TestDatabase,
} from './adapters';

const doc = (id: string, subjectId: string, payload: string, deleted = false) =>
  JSON.stringify({ id, kind: 'person', subjectId, keyId: 'k', v: 1, payload, _deleted: deleted });
const row = (id: string, payload: string, assumed: string | null = null, deleted = false): StoredPushRow => ({
  id,
  doc: doc(id, `s-${id}`, payload, deleted),
  deleted,
  assumed: assumed === null ? null : doc(id, `s-${id}`, assumed),
});

type Row = Record<string, unknown>;

/** Runs one query on the test's database beside the storage: the sum and the kept figure, per organisation. */
const rawQuery = async (name: AdapterName, database: TestDatabase, sql: string): Promise<Row[]> => {
  if (name === 'sqlite') {
    const db = new Database((database.files?.() ?? [])[0] as string, { readonly: true });
    try {
      return db.prepare(sql).all() as Row[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`SET search_path = ${database.schema}`);
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
};

describe.each(ADAPTER_NAMES)('stored bytes per organisation: %s', (name) => {
  const fixture = useTestDatabase(name);
  const size = name === 'sqlite' ? 'length' : 'octet_length';

  /** Each organisation's figure as stored, as storedBytes answers, and as the sum over its documents. */
  const figures = async (s: Storage) => {
    const rows = await rawQuery(
      name,
      fixture.database,
      `SELECT id, doc_bytes, (SELECT COALESCE(SUM(${size}(doc)), 0) FROM documents d WHERE d.org_id = orgs.id) AS summed
       FROM orgs ORDER BY id`,
    );
    return Promise.all(
      rows.map(async (r) => ({
        org: String(r.id),
        kept: Number(r.doc_bytes),
        read: await s.storedBytes(String(r.id)),
        summed: Number(r.summed),
      })),
    );
  };
  /** The figure the quota reads, after checking it against the documents of every organisation. */
  const checked = async (s: Storage, orgId = 'org1') => {
    const all = await figures(s);
    for (const f of all)
      expect({ org: f.org, kept: f.kept, read: f.read }).toEqual({
        org: f.org,
        kept: f.summed,
        read: f.summed,
      });
    return all.find((f) => f.org === orgId)?.read ?? 0;
  };

  const twoOrganisations = async () => {
    const s = await fixture.open();
    expect(await s.createOrganisation('org1', adminRow(), 1)).toBe('ok');
    expect(await s.createOrganisation('org2', adminRow({ id: 'u2', orgId: 'org2' }), 1)).toBe('ok');
    return s;
  };

  it('follows inserts, replacements and tombstones, per organisation', async () => {
    const s = await twoOrganisations();
    expect(await checked(s)).toBe(0);
    await s.push('org1', 'records', [row('a', 'x'.repeat(100)), row('b', 'y'.repeat(50))], 2);
    await s.push('org2', 'records', [row('c', 'z'.repeat(70))], 2);
    const inserted = await checked(s);
    expect(inserted).toBeGreaterThan(150);
    // Grown, shrunk, and a retried push that writes nothing.
    await s.push('org1', 'records', [row('a', 'x'.repeat(400), 'x'.repeat(100))], 3);
    await s.push('org1', 'records', [row('b', 'y', 'y'.repeat(50))], 3);
    await s.push('org1', 'records', [row('b', 'y', 'y'.repeat(50))], 3);
    expect(await checked(s)).toBe(inserted + 300 - 49);
    // A conflicting push writes nothing; a tombstone replaces the document's text.
    await s.push('org1', 'records', [row('a', 'w', 'stale')], 4);
    await s.push('org1', 'records', [row('a', '', 'x'.repeat(400), true)], 4);
    // 400 bytes of payload gone, and `true` is one shorter than `false`.
    expect(await checked(s)).toBe(inserted + 300 - 49 - 401);
    expect(await checked(s, 'org2')).toBeGreaterThan(70);
    expect(await s.storedBytes('no-such-org')).toBe(0);
  });

  it('follows erasures, purges and the erasures a restore re-applies', async () => {
    const s = await twoOrganisations();
    await s.push('org1', 'records', [row('a', 'x'.repeat(500)), row('b', 'y'.repeat(300))], 2);
    await s.push('org2', 'records', [row('c', 'z'.repeat(200), null)], 2);
    const before = await checked(s);
    // The erasure rewrites the subject's documents as tombstones in its own statement.
    await s.erase('org1', { subjectId: 's-a', requestId: 'q1', erasedBy: 'u1' }, 5);
    const erased = await checked(s);
    expect(erased).toBeLessThan(before - 400);
    // Purging the old tombstones of both organisations takes them off each figure.
    await s.push('org2', 'records', [row('c', '', 'z'.repeat(200), true)], 6);
    expect(await s.purgeTombstones(10)).toBe(2);
    expect(await checked(s)).toBeLessThan(erased);
    expect(await checked(s, 'org2')).toBe(0);
    // A restore re-applies an erasure the restored database does not hold.
    const line = {
      v: 1 as const,
      orgId: 'org1',
      subjectId: 's-b',
      requestId: 'q2',
      erasedAt: 20,
      erasedBy: 'u1',
      seq: 9,
    };
    const kept = await checked(s);
    const report = await reapplyErasures(s, [line], new Map([['org1', 9]]), 30);
    expect(report.reapplied).toHaveLength(1);
    expect(await checked(s)).toBeLessThan(kept - 200);
  });

  it('computes the figure once when an existing database migrates', async () => {
    const bool = name === 'sqlite' ? '0' : 'false';
    const stored = (orgId: string, id: string, seq: number, payload: string) =>
      `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc, first_seq)
       VALUES ('records', '${id}', '${orgId}', ${seq}, ${bool}, 1, '${doc(id, `s-${id}`, payload)}', ${seq})`;
    await fixture.seedAt(8, [
      "INSERT INTO orgs (id, created_at, seq) VALUES ('org1', 1, 2), ('org2', 1, 1), ('org3', 1, 0)",
      stored('org1', 'a', 1, 'x'.repeat(1000)),
      stored('org1', 'b', 2, 'y'.repeat(10)),
      stored('org2', 'c', 1, 'z'.repeat(77)),
    ]);
    const s = await fixture.open();
    const all = await figures(s);
    expect(all.map((f) => [f.org, f.kept, f.read])).toEqual([
      ['org1', all[0]?.summed, all[0]?.summed],
      ['org2', all[1]?.summed, all[1]?.summed],
      ['org3', 0, 0],
    ]);
    expect(all[0]?.summed).toBe(
      doc('a', 's-a', 'x'.repeat(1000)).length + doc('b', 's-b', 'y'.repeat(10)).length,
    );
    // Migrating again changes nothing; writes after the migration keep it.
    await s.migrate();
    await s.push('org3', 'records', [row('d', 'q'.repeat(33))], 2);
    expect(await checked(s, 'org3')).toBe(doc('d', 's-d', 'q'.repeat(33)).length);
  });

  it('stays right when two server instances push to one organisation at once', async () => {
    const first = await twoOrganisations();
    const second = await fixture.open();
    const writer = async (s: Storage, who: string) => {
      for (let p = 0; p < 15; p++) {
        const rows = Array.from({ length: 10 }, (_, k) => row(`${who}-${p}-${k}`, who.repeat(10 + p * k)));
        expect((await s.push('org1', 'records', rows, 2)).ok).toBe(true);
        // Replaces the previous push's documents, and races the other instance over one shared id.
        if (p > 0)
          await s.push(
            'org1',
            'records',
            [
              row(`${who}-${p - 1}-0`, 'r'.repeat(p), who.repeat(10)),
              row('shared', `${who}${p}`.repeat(p), null),
            ],
            3,
          );
      }
    };
    await Promise.all([writer(first, 'a'), writer(second, 'b'), writer(first, 'c'), writer(second, 'd')]);
    const read = await checked(first);
    expect(read).toBeGreaterThan(4 * 15 * 10 * 10);
    expect(await second.storedBytes('org1')).toBe(read);
  }, 60_000);
});
