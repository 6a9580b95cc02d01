// Delete is offered only where the sync server would accept it (delete-rule.ts): a subject with ledger
// entries is erased, not deleted; a non-admin deletes only the people its own device added; marketing
// never; an unlinked vault's owner always.
import { describe, expect, it } from 'vitest';
import { deleteBlock } from '../../../../shared/sync';
import { isOwnKeyPage } from '../../../../shared/store/data-keys';
import { recordFieldChanges } from '../../../../shared/rectification/field-history';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram } from '../../../fixtures/people';

const open = useMemoryVaults();

const linked = (role: 'admin' | 'manager' | 'sales' | 'service' | 'marketing') => ({ role, linked: true });

describe('deleteBlock', () => {
  it('allows a person this device added, to every role that writes keys', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const keyId = (await session.db.records.findOne(person.id).exec())!.keyId;
    expect(await isOwnKeyPage(session.db, keyId)).toBe(true);
    for (const role of ['admin', 'manager', 'sales', 'service'] as const)
      expect(await deleteBlock(session.db, person.id, linked(role))).toBeNull();
    expect(await deleteBlock(session.db, person.id, linked('marketing'))).toBe('role');
    expect(await deleteBlock(session.db, person.id, { role: 'marketing', linked: false })).toBeNull();
  });

  it("leaves another device's person to admins", async () => {
    const session = await open();
    const person = await session.people.create(bram);
    const keyId = (await session.db.records.findOne(person.id).exec())!.keyId;
    // As if the page had arrived by sync: no mark that this device wrote it.
    await session.db.vault.findOne(`own-key-page:${keyId}`).remove();
    expect(await isOwnKeyPage(session.db, keyId)).toBe(false);
    expect(await deleteBlock(session.db, person.id, linked('sales'))).toBe('not-own');
    expect(await deleteBlock(session.db, person.id, linked('admin'))).toBeNull();
    expect(await deleteBlock(session.db, person.id, { role: 'sales', linked: false })).toBeNull();
  });

  it('refuses Delete for a subject with ledger entries, on every role of a linked vault', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await recordFieldChanges(session, person.id, [{ field: 'jobTitle', before: null, after: 'Inkoper' }], {
      subjectKind: 'person',
      actor: { userId: 'u1', deviceId: 'd1' },
    });
    for (const role of ['admin', 'sales'] as const)
      expect(await deleteBlock(session.db, person.id, linked(role))).toBe('ledger');
    expect(await deleteBlock(session.db, person.id, { role: 'admin', linked: false })).toBeNull();
  });
});
