// Two devices edit the same person offline, then sync through the real server: different fields merge,
// the same field picks one value and keeps the other in a conflict record; the server sees no plaintext.
import { afterEach, describe, expect, it } from 'vitest';
import { conflictHandlersFor } from '../../../shared/sync/merge';
import type { SyncClient } from '../../../shared/sync/replication';
import { annelies, bram } from '../../fixtures/people';
import { expectOneConflictOnBoth, storedConflicts } from './conflict-records';
import { syncClient, twoDevices, type Device, type TwoDevices } from './two-devices';

let setup: TwoDevices | undefined;
const clients: SyncClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await setup?.close();
  setup = undefined;
});

const mergingClient = async (device: Device): Promise<SyncClient> => {
  const client = syncClient(device.db, device.link, false, {
    retryMs: 20,
    conflictHandlers: await conflictHandlersFor(device.session),
  });
  clients.push(client);
  return client;
};

const syncOnce = async (device: Device) => {
  const client = await mergingClient(device);
  await client.start();
  await client.awaitInSync();
  await client.stop();
};

/** A pushes, B pulls and pushes its own, A pulls: each has what the other wrote. */
const exchange = async (a: Device, b: Device) => {
  await syncOnce(a);
  await syncOnce(b);
  await syncOnce(a);
};

/** Two devices on `adapter` that both hold one person, created on A. */
const personOnBoth = async (adapter: 'sqlite' | 'postgres') => {
  setup = await twoDevices(adapter);
  const { a, b } = setup;
  const person = await a.session.people.create(annelies);
  await syncOnce(a);
  await syncOnce(b);
  return { a, b, person, storage: setup.storage };
};

describe.each(['sqlite', 'postgres'] as const)('conflicts between two devices: %s', (adapter) => {
  it('merges edits of different fields made offline on both devices', async () => {
    const { a, b, person } = await personOnBoth(adapter);
    await a.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Verkoper' }));
    await b.session.people.update(person.id, (p) => ({
      ...p,
      phones: [{ value: '+31 6 1234 5678', label: 'mobile' }],
    }));
    await exchange(a, b);
    const onA = (await a.session.people.get(person.id)).data;
    const onB = (await b.session.people.get(person.id)).data;
    expect(onA).toEqual(onB);
    expect(onA.jobTitle).toBe('Verkoper');
    expect(onA.phones).toEqual([{ value: '+31 6 1234 5678', label: 'mobile' }]);
    expect(await storedConflicts(a)).toEqual([]);
    expect(await storedConflicts(b)).toEqual([]);
  });

  it('picks one value for a field both changed and keeps the other in one conflict record', async () => {
    const { a, b, person, storage } = await personOnBoth(adapter);
    await a.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Verkoper' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
    await exchange(a, b);
    const onA = (await a.session.people.get(person.id)).data;
    const onB = (await b.session.people.get(person.id)).data;
    expect(onA).toEqual(onB);
    // B wrote later, so B's value wins; A's is kept.
    expect(onA.jobTitle).toBe('Directeur');
    await expectOneConflictOnBoth(
      { a, b },
      {
        recordId: person.id,
        field: 'jobTitle',
        losingValue: 'Verkoper',
        winningValue: 'Directeur',
      },
    );

    const rows = (await storage.dumpAllRows()).join('\n');
    for (const secret of ['Annelies', 'Verbeek', 'annelies.verbeek@voorbeeld.nl', 'Verkoper', 'Directeur']) {
      expect(rows).not.toContain(secret);
    }
  });

  it('merges a key page erased from on both devices: both erasures stay, the emptied page is deleted', async () => {
    setup = await twoDevices(adapter);
    const { a, b } = setup;
    const [first, second] = await a.session.people.createMany([annelies, bram]);
    await syncOnce(a);
    await syncOnce(b);
    expect(await b.db.keys.count().exec()).toBe(1);
    await a.session.people.remove(first!.id);
    await b.session.people.remove(second!.id);
    await exchange(a, b);
    for (const device of [a, b]) {
      expect(await device.db.keys.count().exec()).toBe(0);
      expect(await device.db.records.count().exec()).toBe(0);
    }
  });
});
