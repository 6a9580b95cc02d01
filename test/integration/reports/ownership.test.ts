// Account owners of people and organisations (issue 19, item 1): whoever creates a record owns it, an edit
// from a form keeps the owner, and a manager reassigns owners in bulk with each change in the field history.
import { describe, expect, it } from 'vitest';
import { bulkUpdate } from '../../../shared/bulk';
import { createOrganisation, createPerson, savePerson } from '../../../shared/directory';
import { listFieldChanges } from '../../../shared/rectification';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { ACTOR, somePerson, useConsentVaults } from '../consent/support';

const open = useConsentVaults();

describe('account owners', () => {
  it('makes the creator the owner, keeps the owner on an edit, and reassigns in bulk with field history', async () => {
    const session = await open();
    session.audit.setActor('user0anna');
    const person = await createPerson(session, LOCAL_ACTOR, somePerson(1));
    const organisation = await createOrganisation(session, LOCAL_ACTOR, {
      name: 'Bakkerij Noorderlicht',
      source: { method: 'business_card', obtainedOn: '2026-11-02' },
    });
    expect(person.data.ownerId).toBe('user0anna');
    expect(organisation.data.ownerId).toBe('user0anna');

    // A form's save carries no owner: the stored one stays.
    const { ownerId: _drop, ...edited } = { ...person.data, jobTitle: 'Bakker' };
    void _drop;
    const saved = await savePerson(session, LOCAL_ACTOR, { id: person.id, input: edited, recordedBy: ACTOR });
    expect(saved.data).toMatchObject({ jobTitle: 'Bakker', ownerId: 'user0anna' });

    const report = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: [person.id],
      operation: { type: 'set-fields', ownerId: 'user00bram' },
    });
    expect(report.changed).toEqual([person.id]);
    expect((await session.people.get(person.id)).data.ownerId).toBe('user00bram');
    const history = (await listFieldChanges(session, person.id)).filter((c) => c.data.field === 'ownerId');
    expect(history.map((c) => [c.data.before, c.data.after, c.data.batchId])).toEqual([
      ['user0anna', 'user00bram', report.batchId],
    ]);
  });
});
