// A device offline past the tombstone horizon is forced to resync from 0 (issue 3): it drops what the
// server deleted and purged meanwhile, and keeps its own writes that never reached the server.
import { describe, expect, it } from 'vitest';
import { annelies, bram } from '../../fixtures/people';
import { useTwoDevices, catchUpThenOffline } from './two-devices';

const newDevices = useTwoDevices();

describe.each(['sqlite', 'postgres'] as const)('a full resync after the horizon: %s', (adapter) => {
  it('drops a record deleted and purged on the server; an unpushed new record survives and is pushed', async () => {
    const setup = await newDevices(adapter);
    const { a, b, storage } = setup;
    const deleted = await a.session.people.create(annelies);
    const kept = await a.session.people.create(bram);
    await catchUpThenOffline(setup);
    expect((await b.session.people.get(deleted.id)).data).toEqual(deleted.data);

    // B is offline; A deletes, the server purges the tombstone past its horizon.
    await a.session.people.remove(deleted.id);
    await a.sync.awaitInSync();
    expect(await storage.purgeTombstones(Date.now() + 1000)).toBeGreaterThan(0);
    const made = await b.session.people.create({ ...annelies, givenName: 'Nieuw', emails: [] });

    await b.sync.start();
    await b.sync.awaitInSync();
    expect(await b.db.records.findOne(deleted.id).exec()).toBeNull();
    expect((await b.session.people.get(kept.id)).data).toEqual(kept.data);
    expect((await b.session.people.get(made.id)).data).toEqual(made.data);

    await a.sync.awaitInSync();
    expect((await a.session.people.get(made.id)).data).toEqual(made.data);
    expect(await a.db.records.findOne(deleted.id).exec()).toBeNull();
  });
});
