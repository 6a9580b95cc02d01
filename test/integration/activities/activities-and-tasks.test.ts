// Activities and tasks through the real encrypted items repository (RxDB memory storage, real libsodium):
// what a timeline and My day read back is what was written, and nothing of it is readable at rest.
import { describe, expect, it } from 'vitest';
import { loadTimeline, withActivity } from '../../../shared/activities/timeline';
import { ACTIVITY_ITEMS } from '../../../shared/activities/activity';
import { selectMyDay, snoozeTask, TASK_ITEMS } from '../../../shared/tasks/task';
import { ValidationError } from '../../../shared/store/errors';
import { useMemoryVaults } from '../../helpers/vaults';
import { annelies, zeeland, storeZeelandPeople } from '../../fixtures/people';

const open = useMemoryVaults();

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();
/** A note written on this device. */
const aNote = (occurredAt: number, body: string) =>
  ({ type: 'note', occurredAt, body, createdBy: 'local' }) as const;

describe('activities', () => {
  it("round-trips every type, newest first by when it happened, and an organisation's timeline includes its people", async () => {
    const session = await open();
    const { organisation: org, colleague: a, stranger: b } = await storeZeelandPeople(session);
    const repo = session.items(ACTIVITY_ITEMS);
    await repo.create(a.id, {
      type: 'call',
      occurredAt: at(10, 9),
      durationMinutes: 12,
      direction: 'out',
      title: 'Offerte nagebeld',
      createdBy: 'local',
    });
    await repo.create(a.id, {
      type: 'email',
      occurredAt: at(11, 14),
      direction: 'in',
      title: 'Re: offerte',
      body: 'Akkoord met de prijs.',
      email: { from: { name: 'Annelies', address: 'annelies@zorgvlied.example' }, messageId: '<m1@x>' },
      createdBy: 'local',
    });
    await repo.create(org.id, {
      type: 'purchase',
      occurredAt: at(12, 10),
      purchase: { amount: 1499.95, currency: 'EUR', product: 'Jaarlicentie' },
      createdBy: 'local',
    });
    // Logged last, but happened first.
    await repo.create(org.id, {
      type: 'meeting',
      occurredAt: at(1, 10),
      durationMinutes: 60,
      title: 'Kennismaking',
      createdBy: 'local',
    });
    await repo.create(b.id, aNote(at(12, 11), 'Andere klant'));

    const person = await loadTimeline(session, [a.id]);
    expect(person.activities.map((x) => x.data.title)).toEqual(['Re: offerte', 'Offerte nagebeld']);
    expect(person.activities[0]!.data.email?.from?.address).toBe('annelies@zorgvlied.example');

    const organisation = await loadTimeline(session, [org.id, a.id]);
    expect(organisation.activities.map((x) => x.data.type)).toEqual(['purchase', 'email', 'call', 'meeting']);
    expect(organisation.activities[0]!.data.purchase).toEqual({
      amount: 1499.95,
      currency: 'EUR',
      product: 'Jaarlicentie',
    });

    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    for (const secret of ['Offerte', 'Akkoord', 'Jaarlicentie', 'annelies@', 'Kennismaking'])
      expect(raw).not.toContain(secret);
  });

  it('edits and deletes an entry; a bad edit is refused and the stored entry stays as it was', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const repo = session.items(ACTIVITY_ITEMS);
    const note = await repo.create(a.id, aNote(at(10, 9), 'Eerste versie'));
    await repo.update(note.id, (n) => ({ ...n, body: 'Tweede versie' }));
    await expect(repo.update(note.id, (n) => ({ ...n, durationMinutes: 30 }))).rejects.toThrow(
      ValidationError,
    );
    expect((await repo.get(note.id)).data.body).toBe('Tweede versie');
    await repo.remove(note.id);
    expect((await loadTimeline(session, [a.id])).activities).toEqual([]);
  });

  it('places a changed entry into a loaded timeline in order', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const repo = session.items(ACTIVITY_ITEMS);
    const first = await repo.create(a.id, aNote(at(10, 9), 'een'));
    const third = await repo.create(a.id, aNote(at(12, 9), 'drie'));
    const second = await repo.create(a.id, aNote(at(11, 9), 'twee'));
    let list = withActivity([], first.id, first);
    list = withActivity(list, third.id, third);
    list = withActivity(list, second.id, second);
    expect(list.map((x) => x.data.body)).toEqual(['drie', 'twee', 'een']);
    expect(withActivity(list, second.id, null).map((x) => x.data.body)).toEqual(['drie', 'een']);
  });

  it('erasing the person takes their timeline with them', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    await session
      .items(ACTIVITY_ITEMS)
      .create(a.id, { type: 'note', occurredAt: 1, body: 'weg', createdBy: 'local' });
    await session.people.remove(a.id);
    expect((await loadTimeline(session, [a.id])).activities).toEqual([]);
  });
});

describe('tasks and my day', () => {
  it('round-trips tasks, and My day sorts them across midnight with a fixed clock', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const org = await session.organisations.create(zeeland);
    const repo = session.items(TASK_ITEMS);
    const base = { assigneeId: 'local', createdBy: 'local' };
    await repo.createMany([
      {
        subjectId: a.id,
        input: { ...base, title: 'Offerte sturen', dueDate: '2026-03-10', dueTime: '17:00' },
      },
      { subjectId: a.id, input: { ...base, title: 'Terugbellen', dueDate: '2026-03-09' } },
      { subjectId: org.id, input: { ...base, title: 'Contract verlengen', dueDate: '2026-03-11' } },
      {
        subjectId: org.id,
        input: { ...base, title: 'Voor Bram', dueDate: '2026-03-10', assigneeId: 'bram' },
      },
    ]);

    const { records } = await repo.loadAll();
    expect(records).toHaveLength(4);
    const evening = selectMyDay(records, 'local', new Date(2026, 2, 10, 16, 30));
    expect(evening.overdue.map((t) => t.data.title)).toEqual(['Terugbellen']);
    expect(evening.today.map((t) => t.data.title)).toEqual(['Offerte sturen']);
    expect(evening.upcoming.map((t) => t.data.title)).toEqual(['Contract verlengen']);

    const afterMidnight = selectMyDay(records, 'local', new Date(2026, 2, 11, 0, 1));
    expect(afterMidnight.overdue.map((t) => t.data.title)).toEqual(['Terugbellen', 'Offerte sturen']);
    expect(afterMidnight.today.map((t) => t.data.title)).toEqual(['Contract verlengen']);
    expect(afterMidnight.upcoming).toEqual([]);
  });

  it('ticks a task off and snoozes another, and My day reads the change back from the store', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const repo = session.items(TASK_ITEMS);
    const base = { assigneeId: 'local', createdBy: 'local', dueDate: '2026-03-10' };
    const done = await repo.create(a.id, { ...base, title: 'Afvinken' });
    const later = await repo.create(a.id, { ...base, title: 'Uitstellen' });
    const now = new Date(2026, 2, 10, 9, 0);
    await repo.update(done.id, (t) => ({ ...t, status: 'done', doneAt: now.getTime() }));
    await repo.update(later.id, (t) => snoozeTask(t, '2026-03-11'));

    const day = selectMyDay((await repo.loadAll()).records, 'local', now);
    expect(day.today).toEqual([]);
    expect(day.doneToday.map((t) => t.data.title)).toEqual(['Afvinken']);
    expect(day.upcoming.map((t) => t.data.title)).toEqual(['Uitstellen']);
    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Afvinken');
  });
});
