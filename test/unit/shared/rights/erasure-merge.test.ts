// Sync's conflict handler meets an erased subject: the server's "erased" tombstone always wins, the
// stale local edit is not kept as a conflict record, and the discarded change is counted for the notice.
import { describe, expect, it } from 'vitest';
import type { WithDeleted } from 'rxdb';
import { clearDiscardNotice, discardNotice } from '../../../../shared/sync';
import { CONFLICT_KIND, conflictHandlersFor } from '../../../../shared/sync/merge';
import type { RecordDoc } from '../../../../shared/store/schemas';
import { annelies } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

describe('conflict with an erased subject', () => {
  it('resolves to the erased tombstone, keeps no conflict record and counts the discarded change once', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const before = (await session.db.records.findOne(person.id).exec())!.toJSON() as RecordDoc;
    const edited = await session.people.update(person.id, (p) => ({ ...p, jobTitle: 'Directeur' }));
    const local = (await session.db.records.findOne(person.id).exec())!.toJSON() as RecordDoc;
    const erased: WithDeleted<RecordDoc> = {
      ...before,
      payload: 'erased',
      updatedAt: edited.updatedAt + 5,
      _deleted: true,
    };
    const handlers = await conflictHandlersFor(session);
    const input = {
      assumedMasterState: { ...before, _deleted: false },
      realMasterState: erased,
      newDocumentState: { ...local, _deleted: false },
    };

    const resolved = await handlers.records.resolve(input, 'test');
    await handlers.records.resolve(input, 'test');

    expect(resolved).toEqual(erased);
    expect(await session.db.records.find({ selector: { kind: CONFLICT_KIND } }).exec()).toEqual([]);
    expect((await discardNotice(session)).count).toBe(1);
    await clearDiscardNotice(session);
    expect((await discardNotice(session)).count).toBe(0);
  });

  it('does not count a local deletion meeting the erased tombstone', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const doc = (await session.db.records.findOne(person.id).exec())!.toJSON() as RecordDoc;
    const handlers = await conflictHandlersFor(session);
    const erased = { ...doc, payload: 'erased', _deleted: true };
    const resolved = await handlers.items.resolve(
      { realMasterState: erased, newDocumentState: { ...doc, payload: 'erased', _deleted: true } },
      'test',
    );
    expect(resolved).toEqual(erased);
    expect((await discardNotice(session)).count).toBe(0);
  });
});
