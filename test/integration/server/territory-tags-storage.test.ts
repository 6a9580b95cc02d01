// Territory tags in storage (issue 19), on both adapters: rows stored before the tag column get their tag
// when the database migrates, and a sales device's pull page (pullHeldPage) holds only the documents of
// no territory or of its territories, moves its checkpoint past everything it covered once it is the
// last page, and never skips a document of its own that a push running alongside stored.
import { describe, expect, it } from 'vitest';
import type { Storage, StoredPushRow } from '../../../server/storage/types';
import { ADAPTER_NAMES, adminRow, useTestDatabase, type AdapterName } from './adapters';

const NORTH = '0123456789abcdef';
const SOUTH = 'fedcba9876543210';
const page = (tag: string | null, n: number) => (tag ? `t${tag}-page${n}` : `page${n}`);

/** A record or key page as a client pushes it; a record names its key page as its keyId. */
const recordDoc = (id: string, keyId: string) =>
  JSON.stringify({ id, kind: 'person', subjectId: `s-${id}`, keyId, v: 1, payload: 'x', _deleted: false });
const keyDoc = (id: string) => JSON.stringify({ id, keyId: 'org-key', payload: '{}', _deleted: false });
const row = (id: string, doc: string): StoredPushRow => ({ id, doc, deleted: false, assumed: null });

/** What schema version 7 left: records of both territories and of none, and their key pages. */
const version7 = (name: AdapterName) => {
  const bool = name === 'sqlite' ? '0' : 'false';
  const docs: [string, string, string][] = [
    ['keys', page(NORTH, 1), keyDoc(page(NORTH, 1))],
    ['keys', page(SOUTH, 1), keyDoc(page(SOUTH, 1))],
    ['keys', page(null, 1), keyDoc(page(null, 1))],
    ['records', 'r-north', recordDoc('r-north', page(NORTH, 1))],
    ['records', 'r-south', recordDoc('r-south', page(SOUTH, 1))],
    ['records', 'r-none', recordDoc('r-none', page(null, 1))],
    // Not hex, or too short: no territory (territoryOfDocument).
    ['records', 'r-odd', recordDoc('r-odd', 'tXYZ-page')],
  ];
  return [
    `INSERT INTO orgs (id, created_at, seq) VALUES ('org1', 1, ${docs.length})`,
    "INSERT INTO users (id, org_id, role, sealed_org_key) VALUES ('u1', 'org1', 'admin', 'sealed')",
    ...docs.map(
      ([collection, id, doc], i) =>
        `INSERT INTO documents (collection, id, org_id, seq, deleted, written_at, doc, first_seq)
         VALUES ('${collection}', '${id}', 'org1', ${i + 1}, ${bool}, 1, '${doc}', ${i + 1})`,
    ),
  ];
};

const ids = (docs: { doc: string }[]) => docs.map((d) => (JSON.parse(d.doc) as { id: string }).id);

describe.each(ADAPTER_NAMES)('territory tags in storage: %s', (name) => {
  const fixture = useTestDatabase(name);

  it('tags the documents stored before the column when the database migrates', async () => {
    await fixture.seedAt(7, version7(name));
    const s = await fixture.open();
    const north = await s.pullHeldPage('org1', 'records', 0, 100, 1e6, [NORTH]);
    expect(ids(north.docs)).toEqual(['r-north', 'r-none', 'r-odd']);
    // The last page: the checkpoint reaches the newest record, the other territory's included.
    expect(north).toMatchObject({ truncated: false, checkpoint: 7 });
    expect(ids((await s.pullHeldPage('org1', 'records', 0, 100, 1e6, [])).docs)).toEqual(['r-none', 'r-odd']);
    expect(ids((await s.pullHeldPage('org1', 'keys', 0, 100, 1e6, [SOUTH])).docs)).toEqual([
      page(SOUTH, 1),
      page(null, 1),
    ]);
    expect(await s.countHeldAfter('org1', 'records', 0, [NORTH])).toBe(3);
    expect(await s.countHeldAfter('org1', 'records', 4, [NORTH, SOUTH])).toBe(3);
    expect(await s.countAfter('org1', 'records', 0)).toBe(4);
  });

  it('pages by limit and bytes, and moves past the other territories only on the last page', async () => {
    const s = await fixture.open();
    expect(await s.createOrganisation('org1', adminRow(), 1)).toBe('ok');
    // seq 1-4 south, 5 north, 6-9 south, 10 none, 11-14 south.
    const tagOf = (i: number) => (i === 5 ? NORTH : i === 10 ? null : SOUTH);
    for (let i = 1; i <= 14; i++)
      expect(
        (await s.push('org1', 'records', [row(`r${i}`, recordDoc(`r${i}`, page(tagOf(i), 1)))], 2)).ok,
      ).toBe(true);
    const first = await s.pullHeldPage('org1', 'records', 0, 1, 1e6, [NORTH]);
    expect([ids(first.docs), first.checkpoint, first.truncated]).toEqual([['r5'], 5, false]);
    const last = await s.pullHeldPage('org1', 'records', 5, 2, 1e6, [NORTH]);
    expect([ids(last.docs), last.checkpoint]).toEqual([['r10'], 14]);
    // Nothing after: the checkpoint stays where it is.
    expect(await s.pullHeldPage('org1', 'records', 14, 2, 1e6, [NORTH])).toEqual({
      docs: [],
      truncated: false,
      checkpoint: 14,
    });
    // Cut by bytes after the first document: truncated, and the checkpoint stays at that document.
    const cut = await s.pullHeldPage('org1', 'records', 0, 10, 10, [NORTH]);
    expect([ids(cut.docs), cut.checkpoint, cut.truncated]).toEqual([['r5'], 5, true]);
    // Several held tags merge in sequence order.
    expect(ids((await s.pullHeldPage('org1', 'records', 3, 4, 1e6, [SOUTH, NORTH])).docs)).toEqual([
      'r4',
      'r5',
      'r6',
      'r7',
    ]);
  });

  it('never skips a document of its own that a push alongside the pulls stored', async () => {
    const writer: Storage = await fixture.open();
    const reader: Storage = await fixture.open();
    expect(await writer.createOrganisation('org1', adminRow(), 1)).toBe('ok');
    const pushes = (async () => {
      for (let p = 0; p < 40; p++) {
        const rows = Array.from({ length: 25 }, (_, k) => {
          const id = `r${p}-${k}`;
          return row(id, recordDoc(id, page(k % 5 === 0 ? NORTH : SOUTH, 1)));
        });
        expect((await writer.push('org1', 'records', rows, 2)).ok).toBe(true);
      }
    })();
    const received = new Set<string>();
    let checkpoint = 0;
    let done = false;
    void pushes.then(() => (done = true));
    // Pulls as a device does while the pushes land, then once more after the last.
    for (let finished = false; !finished;) {
      finished = done;
      for (;;) {
        const got = await reader.pullHeldPage('org1', 'records', checkpoint, 3, 1e6, [NORTH]);
        for (const id of ids(got.docs)) received.add(id);
        checkpoint = got.checkpoint;
        if (got.docs.length < 3 && !got.truncated) break;
      }
    }
    await pushes;
    expect(received.size).toBe(40 * 5);
    expect(checkpoint).toBe(40 * 25);
  }, 60_000);
});
