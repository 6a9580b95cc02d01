import { describe, expect, it } from 'vitest';
import { bulkUpdate } from '../../../../shared/bulk';
import { AppendOnlyError } from '../../../../shared/store/item-repository';
import {
  diffFields,
  FIELD_CHANGE,
  fieldChangesForRequest,
  listFieldChanges,
} from '../../../../shared/rectification/field-history';
import { requestRepository } from '../../../../shared/requests/requests';
import { createRequest } from '../../../../shared/requests';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { RestrictedError } from '../../../../shared/restriction/restriction';
import { updateSubject } from '../../../../shared/rectification/update-subject';
import { annelies } from '../../../fixtures/people';
import { ACTOR, restrictButEmails } from './support';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

describe('diffFields', () => {
  it('lists only the top-level fields that differ, ignoring key order and createdAt', () => {
    const changes = diffFields(
      { familyName: 'Verbeek', address: { city: 'Utrecht', street: 'Oudegracht 1' }, createdAt: 1 },
      { familyName: 'Verbeek-de Vries', address: { street: 'Oudegracht 1', city: 'Utrecht' }, createdAt: 2 },
    );
    expect(changes).toEqual([{ field: 'familyName', before: 'Verbeek', after: 'Verbeek-de Vries' }]);
  });

  it('records a field that appears or disappears as null on the other side', () => {
    expect(diffFields({ jobTitle: 'Inkoper' }, {})).toEqual([
      { field: 'jobTitle', before: 'Inkoper', after: null },
    ]);
  });
});

describe('field history (Art. 16)', () => {
  it('appends one encrypted entry per changed field with the exact before and after, who, when and the request', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const { changes, audit } = await updateSubject(
      session,
      session.people,
      person.id,
      (p) => ({
        ...p,
        familyName: 'Verbeek-de Vries',
        emails: [{ value: 'a.devries@voorbeeld.nl', label: 'home' as const }],
      }),
      { subjectKind: 'person', actor: ACTOR, requestId: 'request0001', at: 1_764_500_000_000 },
    );
    expect(changes.map((c) => c.field)).toEqual(['emails', 'familyName']);

    const history = await listFieldChanges(session, person.id);
    expect(history.map((h) => h.data)).toEqual([
      {
        subjectKind: 'person',
        field: 'emails',
        before: [{ value: 'annelies.verbeek@voorbeeld.nl', label: 'work' }],
        after: [{ value: 'a.devries@voorbeeld.nl', label: 'home' }],
        at: 1_764_500_000_000,
        recordedBy: 'user-dpo',
        deviceId: 'device-a',
        requestId: 'request0001',
        batchId: null,
      },
      {
        subjectKind: 'person',
        field: 'familyName',
        before: 'Verbeek',
        after: 'Verbeek-de Vries',
        at: 1_764_500_000_000,
        recordedBy: 'user-dpo',
        deviceId: 'device-a',
        requestId: 'request0001',
        batchId: null,
      },
    ]);
    expect((await fieldChangesForRequest(session, 'request0001')).map((h) => h.data.field).sort()).toEqual([
      'emails',
      'familyName',
    ]);
    expect(await fieldChangesForRequest(session, 'request0002')).toEqual([]);

    // Encrypted at rest: neither the old nor the new value is readable in the store.
    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Verbeek');
    expect(raw).not.toContain('devries');

    // Append-only: an entry cannot be rewritten or removed.
    const first = history[0]!;
    await expect(session.items(FIELD_CHANGE).remove(first.id)).rejects.toBeInstanceOf(AppendOnlyError);

    // The audit entry it hands to the operation names the fields and the request, never the values.
    const entry = audit.find((e) => e.kind === FIELD_CHANGE.kind);
    expect(entry).toMatchObject({ requestId: 'request0001', details: { fields: 'emails,familyName' } });
    expect(JSON.stringify(entry)).not.toContain('Verbeek');
  });

  it('writes no entry when nothing changed', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const { changes } = await updateSubject(session, session.people, person.id, (p) => ({ ...p }), {
      subjectKind: 'person',
      actor: ACTOR,
    });
    expect(changes).toEqual([]);
    expect(await listFieldChanges(session, person.id)).toEqual([]);
  });

  it('keeps the history of organisations too', async () => {
    const session = await open();
    const org = await session.organisations.create({
      name: 'Bouwbedrijf de Wit',
      source: { method: 'public_source', obtainedOn: '2026-11-02' },
    });
    await updateSubject(session, session.organisations, org.id, (o) => ({ ...o, name: 'De Wit Bouw BV' }), {
      subjectKind: 'organisation',
      actor: ACTOR,
    });
    const [entry] = await listFieldChanges(session, org.id);
    expect(entry?.data).toMatchObject({
      subjectKind: 'organisation',
      field: 'name',
      before: 'Bouwbedrijf de Wit',
      after: 'De Wit Bouw BV',
      requestId: null,
    });
  });

  it('a refused change under restriction stores neither the record nor any history', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await restrictButEmails(session, person.id);
    await expect(
      updateSubject(session, session.people, person.id, (p) => ({ ...p, jobTitle: 'Directeur' }), {
        subjectKind: 'person',
        actor: ACTOR,
      }),
    ).rejects.toBeInstanceOf(RestrictedError);
    expect((await session.people.get(person.id)).data.jobTitle).toBe('Inkoper');
    expect(await listFieldChanges(session, person.id)).toEqual([]);
  });
});

describe('field history of a bulk update', () => {
  it('records each changed field under the batch id, with one audit entry for the batch', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const report = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: [person.id],
      operation: {
        type: 'set-fields',
        jobTitle: 'Hoofd inkoop',
        tagsAdd: ['klant'],
      },
    });
    const history = await listFieldChanges(session, person.id);
    expect(history.map((h) => [h.data.field, h.data.before, h.data.after, h.data.batchId])).toEqual([
      ['jobTitle', 'Inkoper', 'Hoofd inkoop', report.batchId],
      ['tags', ['prospect'], ['prospect', 'klant'], report.batchId],
    ]);
    const { entries } = await session.audit.entries();
    expect(entries.filter((e) => e.kind === FIELD_CHANGE.kind)).toEqual([]);
    expect(entries.filter((e) => e.action === 'bulk-update')).toHaveLength(1);
  });
});

describe('a rectification request links to the edits it caused', () => {
  it('lists the field-change entries on the request in the register', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const request = await createRequest(session, LOCAL_ACTOR, {
      subjectId: person.id,
      right: 'rectification',
      receivedOn: '2026-11-20',
      channel: 'email',
      details: 'My family name is Verbeek-de Vries',
    });
    const { entries, linked } = await updateSubject(
      session,
      session.people,
      person.id,
      (p) => ({ ...p, familyName: 'Verbeek-de Vries' }),
      { subjectKind: 'person', actor: ACTOR, requestId: request.id },
    );
    expect(linked).toBe(true);
    const stored = await requestRepository(session).get(request.id);
    expect(stored.data.links.fieldChangeIds).toEqual(entries.map((e) => e.id));
    expect((await fieldChangesForRequest(session, request.id)).map((c) => c.data.after)).toEqual([
      'Verbeek-de Vries',
    ]);
  });
});
