import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvelopeError } from '../../../../shared/crypto/envelope';
import { AppendOnlyError, SubjectNotFoundError } from '../../../../shared/store/item-repository';
import { ValidationError } from '../../../../shared/store/errors';
import { organisationTag } from '../../../../shared/store/settings-repository';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram } from '../../../fixtures/people';

const open = useMemoryVaults();

const Note = z.object({ text: z.string().min(1, 'text'), at: z.number().int() });
const NOTE = { kind: 'test-note', version: 1, schema: Note } as const;
const LEDGER = { kind: 'test-ledger', version: 1, schema: Note, appendOnly: true } as const;

describe('item repository', () => {
  it('keeps items about a subject encrypted with its key, newest first, by subject and by kind', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const b = await session.people.create(bram);
    const notes = session.items(NOTE);
    await notes.create(a.id, { text: 'Belde over offerte', at: 1 });
    await new Promise((r) => setTimeout(r, 3));
    await notes.create(a.id, { text: 'Offerte verstuurd', at: 2 });
    await notes.create(b.id, { text: 'Kennismaking', at: 3 });

    const forA = await notes.listForSubject(a.id);
    expect(forA.records.map((r) => r.data.text)).toEqual(['Offerte verstuurd', 'Belde over offerte']);
    expect((await notes.loadAll()).records).toHaveLength(3);

    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Offerte');
    expect(raw).not.toContain('Kennismaking');
  });

  it('refuses an item for a subject that does not exist, and a bad item, storing nothing', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const notes = session.items(NOTE);
    await expect(notes.create('000000000000000000nosuchsubject', { text: 'x', at: 1 })).rejects.toThrow(
      SubjectNotFoundError,
    );
    await expect(
      notes.createMany([
        { subjectId: a.id, input: { text: 'goed', at: 1 } },
        { subjectId: a.id, input: { text: '', at: 2 } },
      ]),
    ).rejects.toThrow(ValidationError);
    expect(await session.db.items.count().exec()).toBe(0);
  });

  it('updates and removes items, but a ledger refuses both', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const note = await session.items(NOTE).create(a.id, { text: 'eerst', at: 1 });
    await session.items(NOTE).update(note.id, (n) => ({ ...n, text: 'daarna' }));
    expect((await session.items(NOTE).get(note.id)).data.text).toBe('daarna');
    await session.items(NOTE).remove(note.id);
    expect((await session.items(NOTE).listForSubject(a.id)).records).toEqual([]);

    const ledger = session.items(LEDGER);
    const entry = await ledger.create(a.id, { text: 'toestemming gegeven', at: 1 });
    await expect(ledger.update(entry.id, (n) => ({ ...n, text: 'anders' }))).rejects.toThrow(AppendOnlyError);
    await expect(ledger.remove(entry.id)).rejects.toThrow(AppendOnlyError);
    expect((await ledger.get(entry.id)).data.text).toBe('toestemming gegeven');
  });

  it('a payload moved to another item does not open', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const notes = session.items(NOTE);
    const one = await notes.create(a.id, { text: 'een', at: 1 });
    const two = await notes.create(a.id, { text: 'twee', at: 2 });
    const first = await session.db.items.findOne(one.id).exec();
    await session.db.items
      .findOne(two.id)
      .exec()
      .then((d) => d!.incrementalPatch({ payload: first!.payload }));
    await expect(notes.get(two.id)).rejects.toThrow(EnvelopeError);
    expect((await notes.listForSubject(a.id)).problems).toEqual([
      { id: two.id, kind: 'test-note', problem: 'tampered' },
    ]);
  });

  it('deleting the subject tombstones its items and its key goes, so they can never be read again', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    const b = await session.people.create(bram);
    await session.items(LEDGER).create(a.id, { text: 'toestemming', at: 1 });
    await session.items(NOTE).create(b.id, { text: 'blijft', at: 1 });
    await session.people.remove(a.id);
    const left = await session.db.items.find().exec();
    expect(left.map((d) => d.subjectId)).toEqual([b.id]);
  });
});

describe('settings repository', () => {
  const Purpose = z.object({ name: z.string().min(1, 'name'), basis: z.string() });
  const PURPOSE = { kind: 'test-purpose', version: 1, schema: Purpose } as const;

  it('seeds defaults once, keeps edits, and stores only ciphertext', async () => {
    const session = await open();
    const purposes = session.settings(PURPOSE);
    await purposes.seed([{ id: 'purpose-sales', data: { name: 'Sales and service', basis: 'f' } }]);
    await purposes.update('purpose-sales', (p) => ({ ...p, name: 'Verkoop en service' }));
    await purposes.seed([{ id: 'purpose-sales', data: { name: 'Sales and service', basis: 'f' } }]);
    const added = await purposes.put({ name: 'Nieuwsbrief', basis: 'a' });
    const { records } = await purposes.list();
    expect(records.map((r) => r.data.name).sort()).toEqual(['Nieuwsbrief', 'Verkoop en service']);
    await purposes.remove(added.id);
    expect((await purposes.list()).records).toHaveLength(1);
    const raw = JSON.stringify((await session.db.settings.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Verkoop');
    await expect(purposes.put({ name: '', basis: 'a' })).rejects.toThrow(ValidationError);
  });

  it('stores fixed ids under the organisation tag, so two organisations on one server never share an id', async () => {
    const first = await open();
    await first.settings(PURPOSE).seed([{ id: 'purpose-sales', data: { name: 'A', basis: 'f' } }]);
    const storedFirst = (await first.db.settings.find().exec()).map((d) => d.id);
    const second = await open();
    await second.settings(PURPOSE).seed([{ id: 'purpose-sales', data: { name: 'B', basis: 'f' } }]);
    const storedSecond = (await second.db.settings.find().exec()).map((d) => d.id);
    expect(storedFirst).toEqual([`${organisationTag(first.orgKeyId)}_purpose-sales`]);
    expect(storedSecond).not.toEqual(storedFirst);
    expect((await second.settings(PURPOSE).get('purpose-sales')).data.name).toBe('B');
    expect((await second.settings(PURPOSE).list()).records.map((r) => r.id)).toEqual(['purpose-sales']);
  });
});
