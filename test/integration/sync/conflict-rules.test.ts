// The conflict rules of shared/sync/merge.ts, through the real server with the app's conflict handlers:
// - a field both devices changed goes to the later write by its recorded time (updatedAt), then to the
//   larger canonical value; the loser is kept in a conflict record. Recorded times come from each device's
//   clock, so under clock skew the write made later in real time can lose — what matters is that every
//   device picks the same winner whichever syncs first, and that an edit made after seeing another
//   is stamped after it (subject-repository.ts: max(now, previous + 1)), so a slow clock cannot undo it;
// - a deletion wins over a concurrent edit: the edit must not bring the person back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError } from '../../../shared/store/errors';
import { recordAddress } from '../../../shared/store/subject-repository';
import { CONFLICT_KIND, conflictHandlersFor, type ConflictPayload } from '../../../shared/sync/merge';
import type { RecordWire } from '../../../shared/sync/protocol';
import { annelies } from '../../fixtures/people';
import { syncClient, twoDevices, type Device, type TwoDevices } from './two-devices';

let setup: TwoDevices | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await setup?.close();
  setup = undefined;
});

const MINUTE = 60_000;

/** One push and pull with the app's merging conflict handlers. */
const syncOnce = async (device: Device) => {
  const client = syncClient(device.db, device.link, false, {
    conflictHandlers: await conflictHandlersFor(device.session),
  });
  try {
    await client.start();
    await client.awaitInSync();
  } finally {
    await client.stop();
  }
};

/** Runs `act` on a device whose clock reads `offsetMs` away from the real time (only Date is changed). */
const withClockOff = <T>(offsetMs: number, act: () => Promise<T>): Promise<T> =>
  withClockAt(Date.now() + offsetMs, act);

/** Runs `act` on a device whose clock reads exactly `at` when it starts (only Date is changed). */
const withClockAt = async <T>(at: number, act: () => Promise<T>): Promise<T> => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await act();
  } finally {
    vi.useRealTimers();
  }
};

const conflictsOf = async (device: Device): Promise<ConflictPayload[]> => {
  const docs = await device.db.records.find({ selector: { kind: CONFLICT_KIND } }).exec();
  return Promise.all(
    docs.map(
      async (doc) =>
        device.session.cipher.openJson(
          doc.payload,
          await device.session.dataKey(doc.subjectId, doc.keyId),
          recordAddress(doc.id, doc.subjectId, doc.keyId),
        ) as ConflictPayload,
    ),
  );
};

/** Two devices on `adapter` that both hold one person, as of one sync. */
const devicesSharingAPerson = async (adapter: 'sqlite') => {
  setup = await twoDevices(adapter);
  const s = setup;
  const person = await s.a.session.people.create(annelies);
  await syncOnce(s.a);
  await syncOnce(s.b);
  expect((await s.b.session.people.get(person.id)).data.jobTitle).toBe(annelies.jobTitle);
  return { s, person };
};

const serverRecord = async (s: TwoDevices, id: string) =>
  (await s.storage.pull(s.a.link.orgId, 'records', 0, 1000)).docs
    .map((d) => JSON.parse(d.doc) as RecordWire)
    .find((d) => d.id === id);

describe.each(['sqlite'] as const)('conflict rules: %s', (adapter) => {
  it.each(['A', 'B'] as const)(
    'under clock skew the later recorded time wins, whichever device syncs first (%s first)',
    async (first) => {
      const { s, person } = await devicesSharingAPerson(adapter);

      // B's clock runs ten minutes ahead. B edits first in real time...
      const onB = await withClockOff(10 * MINUTE, () =>
        s.b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' })),
      );
      // ...and A, with a correct clock, edits the same field (and another one) a moment later.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const onA = await s.a.session.people.update(person.id, (p) => ({
        ...p,
        jobTitle: 'Verkoper',
        tags: ['beurs'],
      }));
      expect(onA.updatedAt).toBeLessThan(onB.updatedAt);

      const [x, y] = first === 'A' ? [s.a, s.b] : [s.b, s.a];
      await syncOnce(x);
      await syncOnce(y);
      await syncOnce(x);

      // B's write carries the later time, so its value wins on both devices; A's other field merges in.
      for (const d of [s.a, s.b]) {
        const { data, updatedAt } = await d.session.people.get(person.id);
        expect(data.jobTitle).toBe('Directeur');
        expect(data.tags).toEqual(['beurs']);
        expect(updatedAt).toBe(onB.updatedAt);
      }
      // A's value is kept, once, on both devices.
      const kept = {
        recordId: person.id,
        field: 'jobTitle',
        losingValue: 'Verkoper',
        winningValue: 'Directeur',
        losingUpdatedAt: onA.updatedAt,
        winningUpdatedAt: onB.updatedAt,
      };
      for (const d of [s.a, s.b]) {
        const conflicts = await conflictsOf(d);
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]).toMatchObject(kept);
      }

      // A, whose clock is behind, now edits what it saw: stamped after B's time, not at its own clock's,
      // so its edit is the later write and stands on both devices, with no new conflict.
      const again = await s.a.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Inkoper' }));
      expect(again.updatedAt).toBe(onB.updatedAt + 1);
      await syncOnce(s.a);
      await syncOnce(s.b);
      expect((await s.b.session.people.get(person.id)).data.jobTitle).toBe('Inkoper');
      expect(await conflictsOf(s.b)).toHaveLength(1);
    },
  );

  it.each(['A', 'B'] as const)(
    'with the same recorded time the larger value wins on both devices (%s first)',
    async (first) => {
      const { s, person } = await devicesSharingAPerson(adapter);
      // Both clocks read the same millisecond, an hour from now (later than the person's creation).
      const at = Date.now() + 60 * MINUTE;
      const edit = (d: Device, jobTitle: string) =>
        withClockAt(at, () => d.session.people.update(person.id, (p) => ({ ...p, jobTitle })));
      const onA = await edit(s.a, 'Verkoper');
      const onB = await edit(s.b, 'Directeur');
      expect(onA.updatedAt).toBe(onB.updatedAt);

      const [x, y] = first === 'A' ? [s.a, s.b] : [s.b, s.a];
      await syncOnce(x);
      await syncOnce(y);
      await syncOnce(x);
      // '"Verkoper"' sorts after '"Directeur"': the tie goes to A's value, whoever synced first.
      expect((await s.a.session.people.get(person.id)).data.jobTitle).toBe('Verkoper');
      expect((await s.b.session.people.get(person.id)).data.jobTitle).toBe('Verkoper');
      expect((await conflictsOf(s.b)).map((c) => c.losingValue)).toEqual(['Directeur']);
    },
  );

  it.each(['the deletion', 'the edit'] as const)(
    'a deletion wins over a concurrent edit: the person is gone everywhere, the edit not kept (%s syncs first)',
    async (first) => {
      const { s, person } = await devicesSharingAPerson(adapter);
      // Offline, A deletes the person while B edits them.
      await s.a.session.people.remove(person.id);
      await s.b.session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));

      const [x, y] = first === 'the deletion' ? [s.a, s.b] : [s.b, s.a];
      await syncOnce(x);
      await syncOnce(y);
      await syncOnce(x);
      await syncOnce(y);

      for (const d of [s.a, s.b]) {
        await expect(d.session.people.get(person.id)).rejects.toBeInstanceOf(NotFoundError);
        expect(await d.db.records.find({ selector: { subjectId: person.subjectId } }).exec()).toEqual([]);
        expect((await d.db.keys.find().exec()).some((page) => page.payload.includes(person.subjectId))).toBe(
          false,
        );
      }
      expect(await serverRecord(s, person.id)).toMatchObject({ id: person.id, _deleted: true });
    },
  );
});
