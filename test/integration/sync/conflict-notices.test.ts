// Conflicts on organisations and items (issue 3): two devices edit the same field of a deal, or of an
// organisation, offline; after sync both hold one value and one conflict record with the other, which the
// notice on the page reads (useConflicts' query) and can apply ("Use this value"), and that reaches the
// other device too.
import { describe, expect, it } from 'vitest';
import { DEAL_CONFIG } from '../../../shared/deals/deal';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import { resolveConflict, subjectConflicts } from '../../../shared/sync';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { zeeland } from '../../fixtures/people';
import { expectOneConflictOnBoth, storedConflicts } from './conflict-records';
import { syncClient, type Device, type TwoDevices, useTwoDevices } from './two-devices';

const newDevices = useTwoDevices();

const syncOnce = async (device: Device) => {
  const client = syncClient(device.db, device.link, false, {
    retryMs: 20,
    conflictHandlers: await conflictHandlersFor(device.session),
  });
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

const syncAll = async ({ a, b }: TwoDevices) => {
  await syncOnce(a);
  await syncOnce(b);
  await syncOnce(a);
};

const later = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(['sqlite', 'postgres'] as const)(
  'conflict notices for items and organisations: %s',
  (adapter) => {
    it('keeps the losing title of a deal edited on two devices, and applying it reaches both', async () => {
      const setup = await newDevices(adapter);
      const { a, b } = setup;
      const org = await a.session.organisations.create(zeeland);
      const deal = await a.session.items(DEAL_CONFIG).create(org.id, {
        title: 'Ovens vervangen',
        stageId: 'lead',
        ownerId: 'local',
        organisationId: org.id,
      });
      await syncOnce(a);
      await syncOnce(b);
      await a.session.items(DEAL_CONFIG).update(deal.id, (d) => ({ ...d, title: 'Ovens en koeling' }));
      await later();
      await b.session.items(DEAL_CONFIG).update(deal.id, (d) => ({ ...d, title: 'Twee ovens' }));
      await syncAll(setup);

      // B wrote later and wins; A's title is kept in one conflict record on both devices.
      for (const device of [a, b]) {
        expect((await device.session.items(DEAL_CONFIG).get(deal.id)).data.title).toBe('Twee ovens');
      }
      const conflict = await expectOneConflictOnBoth(
        setup,
        {
          recordId: deal.id,
          recordKind: 'deal',
          field: 'title',
          losingValue: 'Ovens en koeling',
          winningValue: 'Twee ovens',
        },
        org.id,
      );

      // The notice's query lists the same conflict; "Use this value" on A applies it and removes the record,
      // and says so in the audit trail.
      expect(await subjectConflicts.run(a.session, org.id)).toEqual([{ ...conflict, subjectId: org.id }]);
      await resolveConflict(a.session, LOCAL_ACTOR, { conflictId: conflict.id, useOther: true });
      const { entries } = await a.session.audit.entries({ recordId: deal.id });
      expect(entries).toContainEqual(
        expect.objectContaining({
          action: 'update',
          kind: 'deal',
          details: { conflict: 'applied', field: 'title' },
        }),
      );
      await syncAll(setup);
      expect((await b.session.items(DEAL_CONFIG).get(deal.id)).data.title).toBe('Ovens en koeling');
      expect(await storedConflicts(b, org.id)).toEqual([]);

      const rows = (await setup.storage.dumpAllRows()).join('\n');
      for (const secret of ['Ovens', 'Twee ovens', 'Zeeuwse']) expect(rows).not.toContain(secret);
    });

    it('keeps the losing name of an organisation edited on two devices', async () => {
      const setup = await newDevices(adapter);
      const { a, b } = setup;
      const org = await a.session.organisations.create(zeeland);
      await syncOnce(a);
      await syncOnce(b);
      await a.session.organisations.update(org.id, (o) => ({ ...o, name: 'Mosselhandel Zeeland BV' }));
      await later();
      await b.session.organisations.update(org.id, (o) => ({ ...o, name: 'Zeeuwse Mossel BV' }));
      await syncAll(setup);

      expect((await a.session.organisations.get(org.id)).data.name).toBe('Zeeuwse Mossel BV');
      await expectOneConflictOnBoth(
        setup,
        {
          recordId: org.id,
          recordKind: 'organisation',
          field: 'name',
          losingValue: 'Mosselhandel Zeeland BV',
        },
        org.id,
      );
    });
  },
);
