// The app's sync client on a stream that carries small pushes' documents (StreamEvent): a person made on
// A reaches B without B pulling, and when B's stream loses an event, the next one does not continue from
// B's checkpoint and B pulls — nothing is skipped.
import { afterEach, describe, expect, it } from 'vitest';
import { filter, firstValueFrom } from 'rxjs';
import { annelies, bram } from '../../fixtures/people';
import { rewriteEvents } from './lying-server';
import { syncClient, twoDevices, type TwoDevices } from './two-devices';

let setup: TwoDevices | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

/** B's fetch: counts its record pulls and can drop the next records event from its stream. */
const watchedFetch = () => {
  const seen = { recordPulls: 0, dropNextRecordsEvent: false, dropped: 0 };
  const watched: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.includes('/sync/records/pull')) seen.recordPulls += 1;
    const response = await fetch(input, init);
    if (!url.includes('/sync/stream')) return response;
    return rewriteEvents(response, (frame) => {
      if (!seen.dropNextRecordsEvent || !frame.includes('"collection":"records"')) return frame;
      seen.dropNextRecordsEvent = false;
      seen.dropped += 1;
      return null;
    });
  };
  return { seen, fetch: watched };
};

const arrival = (devices: TwoDevices, count: number) =>
  firstValueFrom(devices.b.db.records.find().$.pipe(filter((docs) => docs.length >= count)));

/** Two devices on carrying streams, both in sync, B's fetch watched from here on (no pulls counted yet). */
const watchedDevices = async (adapter: 'sqlite' | 'postgres') => {
  setup = await twoDevices(adapter, true);
  const { a, b } = setup;
  const watched = watchedFetch();
  b.sync = syncClient(b.db, b.link, true, { fetch: watched.fetch });
  await a.sync.start();
  await b.sync.start();
  await b.sync.awaitInSync();
  watched.seen.recordPulls = 0;
  return { devices: setup, a, watched };
};

describe.each(['sqlite', 'postgres'] as const)('events carrying documents: %s', (adapter) => {
  it('bring a person made on A to B without B pulling', async () => {
    const { devices, a, watched } = await watchedDevices(adapter);
    const arrived = arrival(devices, 1);
    const person = await a.session.people.create(annelies);
    const [doc] = await arrived;
    expect(doc?.id).toBe(person.id);
    expect(watched.seen.recordPulls).toBe(0);
  });

  it('make B pull when an event was lost, and B misses nothing', async () => {
    const { devices, a, watched } = await watchedDevices(adapter);
    watched.seen.dropNextRecordsEvent = true;
    const first = await a.session.people.create(annelies);
    await a.sync.awaitInSync();
    const arrived = arrival(devices, 2);
    const second = await a.session.people.create(bram);
    const ids = (await arrived).map((d) => d.id).sort();
    expect(ids).toEqual([first.id, second.id].sort());
    expect(watched.seen.dropped).toBe(1);
    expect(watched.seen.recordPulls).toBeGreaterThan(0);
  });
});
