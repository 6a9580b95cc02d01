import { afterEach, describe, expect, it } from 'vitest';
import { generatePeople } from '../../../../bench/people-generator';
import { Directory } from '../../../../shared/directory/directory';
import { CATCH_UP_PAGE, changesSince } from '../../../../shared/directory/loading';
import type { Checkpoint } from '../../../../shared/directory/snapshot';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();
let directory: Directory | undefined;
// Registered after the vaults' clean-up, so it runs before it: the directory closes before its database goes.
afterEach(async () => {
  await directory?.close();
  directory = undefined;
});

/**
 * Counts the records the store hands over to queries of the records collection, and keeps each query's
 * plan: a plan whose selector and sort the index answers walks only the records it hands over, where
 * RxDB's getChangedDocumentsSince (the catch-up before) filtered the checkpoint's instant record by record.
 * `between` runs after each query, before its answer is handed on.
 */
const countHandedOver = (session: Awaited<ReturnType<typeof open>>, between?: () => Promise<void>) => {
  const storage = session.db.records.storageInstance;
  const original = storage.query.bind(storage);
  const counted = { records: 0, plans: [] as { selector: boolean; sort: boolean }[] };
  storage.query = async (query) => {
    const result = await original(query);
    counted.records += result.documents.length;
    counted.plans.push({
      selector: query.queryPlan.selectorSatisfiedByIndex,
      sort: query.queryPlan.sortSatisfiedByIndex,
    });
    await between?.();
    return result;
  };
  return counted;
};

describe('the directory catching up after a bulk write', () => {
  it('pages through records written in one instant without reading any twice', async () => {
    const session = await open();
    // One bulk write: RxDB gives its records one write time, the checkpoint's instant for every page.
    await session.people.createMany(generatePeople(1200));
    const later = await session.people.createMany(generatePeople(30, 7));
    const counted = countHandedOver(session);
    const seen: string[] = [];
    const instants = new Set<number>();
    let checkpoint: Checkpoint | undefined;
    for (;;) {
      const page = await changesSince(session, 500, checkpoint);
      expect(page.documents.length).toBeLessThanOrEqual(500);
      if (!page.documents.length) break;
      seen.push(...page.documents.map((d) => d.id));
      for (const d of page.documents) instants.add((d as unknown as { _meta: { lwt: number } })._meta.lwt);
      checkpoint = page.checkpoint;
    }
    expect(seen).toHaveLength(1230);
    expect(instants.size).toBeLessThanOrEqual(2);
    expect(new Set(seen).size).toBe(1230);
    // In write order: the later bulk comes last, after the first one's remainder in the same page.
    expect(seen.slice(-30).sort()).toEqual(later.map((p) => p.id).sort());
    expect(counted.records).toBe(1230);
    expect(counted.plans.length).toBeGreaterThan(0);
    expect(counted.plans.every((plan) => plan.selector && plan.sort)).toBe(true);
  });

  it('hands over a record written again while a page is read once, as it is now', async () => {
    const session = await open();
    const people = await session.people.createMany(generatePeople(120));
    const first = await changesSince(session, 50, undefined);
    expect(first.documents).toHaveLength(50);
    // Between the page's two reads (the checkpoint's instant, then later ones), a record of the first read
    // is changed: a sync's pull or an edit landing while the directory catches up.
    const changed = people[60]!;
    let edits = 0;
    countHandedOver(session, async () => {
      if (edits++ === 0) await session.people.update(changed.id, (p) => ({ ...p, jobTitle: 'Inkoper' }));
    });
    const page = await changesSince(session, 100, first.checkpoint);
    const ids = page.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(changed.id);
    // The copy kept is the newer one, and it comes last, in write order.
    expect(ids.at(-1)).toBe(changed.id);
    expect(page.documents).toHaveLength(70);
  });

  it('lists everyone of an import larger than a catch-up page once', async () => {
    const session = await open();
    directory = await Directory.load(session);
    const counted = countHandedOver(session);
    await session.people.createMany(generatePeople(CATCH_UP_PAGE * 2 + 100));
    await directory.settle();
    expect(directory.people()).toHaveLength(CATCH_UP_PAGE * 2 + 100);
    expect(new Set(directory.people().map((p) => p.id)).size).toBe(CATCH_UP_PAGE * 2 + 100);
    // Each record is read once by the catch-ups (the repository's own reads come on top, if any).
    expect(counted.records).toBeLessThan((CATCH_UP_PAGE * 2 + 100) * 1.5);
  });
});
