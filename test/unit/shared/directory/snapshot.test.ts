// The directory snapshot in pages: what is written reads back in list order, page by page; a smaller
// snapshot empties the pages it no longer needs instead of leaving the old rows in them; a page left over
// from another write (a write cut short) is refused rather than mixed in; and no row is readable on disk.
import { describe, expect, it } from 'vitest';
import { generatePeople } from '../../../../bench/people-generator';
import { comparePeople, toPersonRow } from '../../../../shared/directory/rows';
import {
  openSnapshot,
  readSnapshot,
  SNAPSHOT_ID,
  SNAPSHOT_PAGE,
  SnapshotTornError,
  writeSnapshot,
} from '../../../../shared/directory/snapshot';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();
const checkpoint = { id: 'r1', lwt: 1 };

const rowsOf = async (session: Awaited<ReturnType<typeof open>>, count: number, seed: number) =>
  (await session.people.createMany(generatePeople(count, seed))).map(toPersonRow).sort(comparePeople);

const pageDocs = async (session: Awaited<ReturnType<typeof open>>) =>
  (await session.db.vault.find().exec()).filter((doc) => doc.id.startsWith(`${SNAPSHOT_ID}:`));

describe('the directory snapshot', () => {
  it('reads back in list order, a page at a time, and holds no readable row', async () => {
    const session = await open();
    const people = await rowsOf(session, SNAPSHOT_PAGE * 2 + 7, 1);
    await writeSnapshot(session, { checkpoint, people, organisations: [] });

    const reader = (await openSnapshot(session))!;
    expect(reader).toMatchObject({ checkpoint, people: people.length, pages: 3 });
    expect(await reader.page(0)).toEqual(people.slice(0, SNAPSHOT_PAGE));
    expect(await reader.page(2)).toEqual(people.slice(SNAPSHOT_PAGE * 2));
    expect((await readSnapshot(session))!.people).toEqual(people);

    const stored = (await session.db.vault.find().exec()).map((doc) => doc.payload).join('\n');
    expect(stored).not.toContain(people[0]!.displayName.split(' ')[0]);
    expect(stored).not.toContain(people[0]!.email);
  });

  it('empties the pages a smaller snapshot no longer needs', async () => {
    const session = await open();
    const many = await rowsOf(session, SNAPSHOT_PAGE * 2 + 1, 2);
    await writeSnapshot(session, { checkpoint, people: many, organisations: [] });
    const few = many.slice(0, 10);
    await writeSnapshot(session, { checkpoint, people: few, organisations: [] });

    expect((await readSnapshot(session))!.people).toEqual(few);
    // Three pages stay on disk, overwritten: none holds the rows of the earlier snapshot.
    const reader = (await openSnapshot(session))!;
    expect(reader.pages).toBe(1);
    expect(await pageDocs(session)).toHaveLength(3);
    for (const doc of await pageDocs(session)) {
      const page = session.cipher.openJson(doc.payload, session.orgKey, {
        collection: 'vault',
        id: doc.id,
        keyId: session.orgKeyId,
      }) as { people: unknown[] };
      expect(page.people.length).toBeLessThanOrEqual(10);
    }
  });

  it('refuses a page left from another write of the snapshot', async () => {
    const session = await open();
    const people = await rowsOf(session, SNAPSHOT_PAGE + 5, 3);
    await writeSnapshot(session, { checkpoint, people, organisations: [] });
    const stale = (await session.db.vault.findOne(`${SNAPSHOT_ID}:1`).exec())!.payload;
    await writeSnapshot(session, { checkpoint, people: people.slice(1), organisations: [] });
    // As if the second write had stopped after page 0: page 1 is still the first write's.
    await session.db.vault.upsert({ id: `${SNAPSHOT_ID}:1`, payload: stale, updatedAt: Date.now() });

    const reader = (await openSnapshot(session))!;
    expect(await reader.page(0)).toEqual(people.slice(1, SNAPSHOT_PAGE + 1));
    await expect(reader.page(1)).rejects.toBeInstanceOf(SnapshotTornError);
    await expect(readSnapshot(session)).rejects.toBeInstanceOf(SnapshotTornError);
  });
});
