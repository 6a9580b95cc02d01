import { afterEach, describe, expect, it } from 'vitest';
import { generatePeople } from '../../../../bench/people-generator';
import { Directory, FIRST_PAGE } from '../../../../shared/directory/directory';
import { comparePeople, mergedRows, toPersonRow, type PersonRow } from '../../../../shared/directory/rows';
import { readSnapshot, SNAPSHOT_ID, SNAPSHOT_PAGE } from '../../../../shared/directory/snapshot';
import { annelies, bram, zeeland, storeZeelandPeople } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();
let directory: Directory | undefined;
// Registered after the vaults' clean-up, so it runs before it: the directory closes before its database goes.
afterEach(async () => {
  await directory?.close();
  directory = undefined;
});

const indexed = async (d: Directory) => {
  while (!d.isIndexed) await new Promise((r) => setTimeout(r, 5));
  return d;
};

const names = (rows: readonly { id: string }[], d: Directory) => rows.map((r) => d.person(r.id)?.displayName);

describe('directory', () => {
  it('lists people sorted by family name and finds them by name, email, phone and organisation', async () => {
    const session = await open();
    await storeZeelandPeople(session);
    directory = await indexed(await Directory.load(session));
    const d = directory;
    expect(d.people().map((p) => p.displayName)).toEqual(['Annelies Verbeek', 'Bram de Wit']);
    expect(names(d.searchPeople('anne'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('verbeek annel'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('annelies.verbeek@voorb'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('dewit-bouw'), d)).toEqual(['Bram de Wit']);
    expect(names(d.searchPeople('mossel'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('06 1234'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('+31612345678'), d)).toEqual(['Annelies Verbeek']);
    expect(names(d.searchPeople('0205550199'), d)).toEqual(['Bram de Wit']);
    expect(d.searchPeople('nobody')).toEqual([]);
    expect(d.searchPeople('   ')).toHaveLength(2);
    expect(d.searchOrganisations('zeeuwse').map((o) => o.name)).toEqual(['Zeeuwse Mosselhandel BV']);
  });

  it('ignores accents and case', async () => {
    const session = await open();
    await session.people.create({ ...bram, givenName: 'Zoë', familyName: 'Ünal' });
    directory = await indexed(await Directory.load(session));
    expect(directory.searchPeople('zoe UNAL').map((p) => p.displayName)).toEqual(['Zoë Ünal']);
  });

  it('follows creates, edits and deletes made after it loaded', async () => {
    const session = await open();
    directory = await indexed(await Directory.load(session));
    let notified = 0;
    directory.subscribe(() => notified++);
    const a = await session.people.create(annelies);
    await directory.settle();
    expect(directory.searchPeople('annelies')).toHaveLength(1);
    await session.people.update(a.id, (p) => ({ ...p, familyName: 'Jansen' }));
    await directory.settle();
    expect(directory.searchPeople('jansen').map((p) => p.displayName)).toEqual(['Annelies Jansen']);
    await session.people.remove(a.id);
    await directory.settle();
    expect(directory.people()).toEqual([]);
    expect(notified).toBeGreaterThanOrEqual(3);
  });

  it('reads a burst of writes in a few catch-ups, not one per announced write', async () => {
    const session = await open();
    directory = await indexed(await Directory.load(session));
    // Count the directory's reads of the change feed on the real storage instance.
    const storage = session.db.records.storageInstance as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    let reads = 0;
    for (const name of ['getChangedDocumentsSince', 'query'] as const) {
      const original = storage[name];
      if (typeof original !== 'function') continue;
      storage[name] = (...args: unknown[]) => {
        reads++;
        return original.apply(storage, args);
      };
    }
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => session.people.create({ ...bram, familyName: `Burst ${i}` })),
    );
    await directory.settle();
    expect(directory.searchPeople('burst')).toHaveLength(200);
    // Each write announces itself; a catch-up reads everything since the checkpoint, so one waiting
    // catch-up serves every announcement made before it starts.
    expect(reads).toBeLessThan(40);
  });

  it('finds people by a renamed organisation', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    await session.people.create({ ...annelies, organisationId: org.id });
    directory = await indexed(await Directory.load(session));
    await session.organisations.update(org.id, (o) => ({ ...o, name: 'Oesterij Yerseke' }));
    await directory.settle();
    expect(directory.searchPeople('oesterij')).toHaveLength(1);
    expect(directory.searchPeople('mossel')).toEqual([]);
  });

  it('restores from its encrypted snapshot and catches up on changes made after it', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const b = await session.people.create(bram);
    directory = await Directory.load(session);
    await directory.close();
    const snapshot = await session.db.vault.findOne(SNAPSHOT_ID).exec();
    expect(snapshot).not.toBeNull();
    expect(snapshot!.payload).not.toContain('Annelies');
    // Changes while no directory is open: an edit, a delete, a new person.
    await session.people.update(a.id, (p) => ({ ...p, givenName: 'Anna' }));
    await session.people.remove(b.id);
    await session.organisations.create(zeeland);
    directory = await indexed(await Directory.load(session));
    expect(directory.people().map((p) => p.displayName)).toEqual(['Anna Verbeek']);
    expect(directory.organisations().map((o) => o.name)).toEqual(['Zeeuwse Mosselhandel BV']);
  });

  it('rebuilds from the records when the snapshot cannot be opened', async () => {
    const session = await open();
    await session.people.create(annelies);
    directory = await Directory.load(session);
    await directory.close();
    const snapshot = (await session.db.vault.findOne(SNAPSHOT_ID).exec())!;
    await snapshot.incrementalPatch({ payload: snapshot.payload.slice(0, -8) + 'AAAAAAAA' });
    directory = await Directory.load(session);
    expect(directory.people().map((p) => p.displayName)).toEqual(['Annelies Verbeek']);
  });

  it('lists a tampered record as a problem and keeps the others', async () => {
    const session = await open();
    await session.people.create(annelies);
    const b = await session.people.create(bram);
    const doc = (await session.db.records.findOne(b.id).exec())!;
    await doc.incrementalPatch({ payload: doc.payload.replace(/.{6}$/, 'AAAAAA') });
    directory = await Directory.load(session);
    expect(directory.people().map((p) => p.displayName)).toEqual(['Annelies Verbeek']);
    expect(directory.problems()).toEqual([{ id: b.id, kind: 'person', problem: 'tampered' }]);
  });

  it('rewrites its snapshot after a stream of batches, not after each batch (a first sync, an import)', async () => {
    const session = await open();
    // Every change would be snapshotted at once; a batch waits for the default minute.
    directory = await indexed(await Directory.load(session, { snapshotDelayMs: 0 }));
    let written = 0;
    const counting = session.db.vault.$.subscribe((event) => {
      if (event.documentId === SNAPSHOT_ID) written++;
    });
    try {
      // Pages arrive apart, as a first sync's do on a loaded machine: each one after the short delay.
      for (let page = 0; page < 4; page++) {
        await session.people.createMany(generatePeople(100, 30 + page));
        await directory.settle();
        await new Promise((r) => setTimeout(r, 20));
      }
      // At 100,000 people each rewrite sealed every row again, and RxDB's change events kept them all.
      expect(written).toBe(0);
      // The stream ends (the first sync says so): the snapshot follows, holding everyone.
      await directory.settle(true);
      while ((await readSnapshot(session))?.people.length !== 400) await new Promise((r) => setTimeout(r, 5));
      expect(written).toBe(1);
      // A single edit afterwards is snapshotted after the short delay, as before.
      await session.people.create(annelies);
      await directory.settle();
      while ((await readSnapshot(session))?.people.length !== 401) await new Promise((r) => setTimeout(r, 5));
      expect(written).toBe(2);
    } finally {
      counting.unsubscribe();
    }
  });

  it('places a batch of new and renamed rows where they sort, and drops the renamed rows old places', () => {
    const row = (id: string, name: string) => ({ id, name });
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    const listed = ['b', 'd', 'f', 'h'].map((name) => row(name, name));
    const merged = mergedRows(listed, new Set(['d']), [row('d', 'i'), row('x', 'a'), row('y', 'e')], byName);
    expect(merged.map((r) => `${r.id}:${r.name}`)).toEqual(['x:a', 'b:b', 'y:e', 'f:f', 'h:h', 'd:i']);
    expect(listed.map((r) => r.id)).toEqual(['b', 'd', 'f', 'h']); // a new array; the old one is unchanged
  });

  describe('unlock without a snapshot', () => {
    const COUNT = FIRST_PAGE * 5;
    const sorted = (rows: readonly PersonRow[]) => [...rows].sort(comparePeople);
    const snapshotWritten = async (session: Awaited<ReturnType<typeof open>>) => {
      while (!(await session.db.vault.findOne(SNAPSHOT_ID).exec()))
        await new Promise((r) => setTimeout(r, 5));
    };

    it('shows a first page at once, sorted, says how many of how many, and fills the rest in order', async () => {
      const session = await open();
      // Stored in id order, which is not name order.
      const created = await session.people.createMany(generatePeople(COUNT, 7));
      directory = await Directory.load(session);
      const d = directory;
      const first = d.people();
      expect(first.length).toBeGreaterThanOrEqual(FIRST_PAGE);
      expect(first.length).toBeLessThan(COUNT);
      expect(d.loadProgress()).toEqual({ done: first.length, total: COUNT });
      expect(first).toEqual(sorted(first));
      expect(d.searchPeople('')).toHaveLength(first.length);

      // At every step the list is what has arrived, in name order, and the count grows to everyone.
      const steps: { rows: number; sortedRight: boolean; progress: unknown }[] = [];
      d.subscribe(() => {
        const rows = d.people();
        steps.push({
          rows: rows.length,
          sortedRight: rows.every((r, i) => i === 0 || comparePeople(rows[i - 1]!, r) < 0),
          progress: d.loadProgress(),
        });
      });
      await d.settle();
      expect(steps.length).toBeGreaterThan(2);
      expect(steps.every((s) => s.sortedRight)).toBe(true);
      expect(steps.map((s) => s.rows)).toEqual([...steps.map((s) => s.rows)].sort((a, b) => a - b));
      expect(d.loadProgress()).toBeNull();
      expect(d.people()).toEqual(sorted(created.map(toPersonRow)));

      // Once all are in, the snapshot is written, so the next unlock starts from it.
      await snapshotWritten(session);
      await indexed(d);
      expect(d.searchPeople(created[0]!.data.familyName).length).toBeGreaterThan(0);
    });

    it('takes in people written while it loads', async () => {
      const session = await open();
      await session.people.createMany(generatePeople(COUNT, 8));
      directory = await Directory.load(session);
      const late = await session.people.create({ ...annelies, familyName: 'Aaaberg' });
      await directory.settle();
      expect(directory.people()).toHaveLength(COUNT + 1);
      expect(directory.people()[0]?.id).toBe(late.id);
    });

    it('locked half way, it keeps what it read and the next unlock goes on from there', async () => {
      const session = await open();
      await session.people.createMany(generatePeople(COUNT, 9));
      directory = await Directory.load(session);
      await directory.close();
      const partial = (await readSnapshot(session))!.people.length;
      expect(partial).toBeGreaterThanOrEqual(FIRST_PAGE);
      expect(partial).toBeLessThan(COUNT);
      directory = await Directory.load(session);
      expect(directory.people()).toHaveLength(partial); // what the last unlock read shows at once
      await directory.settle();
      expect(directory.people()).toHaveLength(COUNT);
      expect(directory.people()).toEqual(sorted(directory.people()));
    });
  });

  describe('unlock from a snapshot in pages', () => {
    const COUNT = SNAPSHOT_PAGE * 3 + 11;
    const loadedAndClosed = async (session: Awaited<ReturnType<typeof open>>) => {
      const d = await Directory.load(session);
      await d.settle();
      await d.close();
    };

    it('shows the first page at once, says how many of how many, and fills the rest in order', async () => {
      const session = await open();
      const created = await session.people.createMany(generatePeople(COUNT, 11));
      await loadedAndClosed(session);
      // One change after the snapshot: it is applied once every page is in.
      const renamed = await session.people.update(created[0]!.id, (p) => ({ ...p, familyName: 'Aaaberg' }));

      directory = await Directory.load(session);
      const d = directory;
      expect(d.people()).toHaveLength(SNAPSHOT_PAGE);
      expect(d.loadProgress()).toEqual({ done: SNAPSHOT_PAGE, total: COUNT });
      const steps: number[] = [];
      d.subscribe(() => steps.push(d.people().length));
      await d.settle();
      expect(steps.length).toBeGreaterThan(1);
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(d.loadProgress()).toBeNull();
      expect(d.people()).toHaveLength(COUNT);
      expect(d.people()).toEqual([...d.people()].sort(comparePeople));
      expect(d.people()[0]?.id).toBe(renamed.id);
    });

    it('reads every record instead when a later page is torn or tampered', async () => {
      const session = await open();
      const created = await session.people.createMany(generatePeople(COUNT, 12));
      await loadedAndClosed(session);
      const page = (await session.db.vault.findOne(`${SNAPSHOT_ID}:2`).exec())!;
      await page.incrementalPatch({ payload: page.payload.slice(0, -8) + 'AAAAAAAA' });

      directory = await Directory.load(session);
      await directory.settle();
      expect(directory.people()).toEqual(created.map(toPersonRow).sort(comparePeople));
      expect(directory.loadProgress()).toBeNull();
    });
  });
});
