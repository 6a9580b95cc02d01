// The command palette finds deals and cases in memory: by title or subject line, or by the name of the
// organisation or person they are with, accents and case ignored.
import { afterEach, describe, expect, it } from 'vitest';
import { Directory } from '../../../shared/directory/directory';
import type { KluisDatabase } from '../../../shared/store/database';
import { createCase } from '../../../renderer/features/cases/case-actions';
import { casesPaletteSource } from '../../../renderer/features/cases/palette-source';
import { useCasesStore } from '../../../renderer/features/cases/stores/cases-store';
import { createDeal } from '../../../renderer/features/deals/deal-actions';
import { dealsPaletteSource } from '../../../renderer/features/deals/palette-source';
import { useDealsStore } from '../../../renderer/features/deals/stores/deals-store';
import { useVaultStore } from '../../../renderer/features/vault/stores/vault-store';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { annelies, zeeland } from '../../fixtures/people';

let db: KluisDatabase | undefined;
let directory: Directory | undefined;
afterEach(async () => {
  useDealsStore.follower.stop();
  useCasesStore.follower.stop();
  useVaultStore.setState({ directory: null });
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
    await createDeal(session, {
      title: 'Ovens vervangen',
      stageId: 'lead',
      ownerId: 'local',
      organisationId: org.id,
    });
    await createDeal(session, { title: 'Advies', stageId: 'lead', ownerId: 'local', personId: person.id });
    await createCase(session, { subject: 'Factuur klopt niet', organisationId: org.id });
    directory = await Directory.load(session);
    useVaultStore.setState({ directory });
    await useDealsStore.follower.start(session);
    await useCasesStore.follower.start(session);

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
