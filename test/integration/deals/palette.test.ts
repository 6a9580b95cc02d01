// The command palette's own sources find deals and cases in memory: by title or subject line, or by the
// name of the organisation or person they are with, accents and case ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { allCases, createCase } from '../../../shared/cases';
import { allDeals, createDeal } from '../../../shared/deals';
import { Directory } from '../../../shared/directory';
import type { KluisDatabase } from '../../../shared/store';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { casesSource, dealsSource } from '../../../renderer/features/palette/item-sources';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { annelies, zeeland } from '../../fixtures/people';

let db: KluisDatabase | undefined;
let directory: Directory | undefined;
afterEach(async () => {
  await directory?.close();
  await db?.remove();
  db = directory = undefined;
});

describe('palette sources', () => {
  it('find deals and cases by their own text and by who they are with', async () => {
    db = await memoryDatabase();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const org = await session.organisations.create({ ...zeeland, name: 'Zoë Installaties' });
    const person = await session.people.create(annelies);
    await createDeal(session, LOCAL_ACTOR, {
      title: 'Ovens vervangen',
      stageId: 'lead',
      ownerId: 'local',
      organisationId: org.id,
    });
    await createDeal(session, LOCAL_ACTOR, {
      title: 'Advies',
      stageId: 'lead',
      ownerId: 'local',
      personId: person.id,
    });
    await createCase(session, LOCAL_ACTOR, { subject: 'Factuur klopt niet', organisationId: org.id });
    directory = await Directory.load(session);
    const dealsPaletteSource = dealsSource((await allDeals.run(session, null)).records, directory);
    const casesPaletteSource = casesSource((await allCases.run(session, null)).records, directory);

    const titles = (results: readonly { title: string }[]) => results.map((r) => r.title).sort();
    expect(titles(dealsPaletteSource.search('ovens', 10))).toEqual(['Ovens vervangen']);
    expect(titles(dealsPaletteSource.search('zoe', 10))).toEqual(['Ovens vervangen']);
    expect(titles(dealsPaletteSource.search('annelies', 10))).toEqual(['Advies']);
    expect(dealsPaletteSource.search('ovens', 10)[0]).toMatchObject({
      subtitle: 'Zoë Installaties',
      route: { name: 'deal' },
    });
    expect(dealsPaletteSource.search('', 10)).toEqual([]);
    expect(dealsPaletteSource.search('a', 1)).toHaveLength(1);

    expect(titles(casesPaletteSource.search('FACTUUR', 10))).toEqual(['Factuur klopt niet']);
    expect(titles(casesPaletteSource.search('installaties factuur', 10))).toEqual(['Factuur klopt niet']);
    expect(casesPaletteSource.search('ovens', 10)).toEqual([]);
  });
});
