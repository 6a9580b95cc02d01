import { describe, expect, it } from 'vitest';
import { recordRestriction } from '../../../../shared/restriction';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { PURPOSE_SALES_SERVICE } from '../../../../shared/consent/defaults';
import { seedConsentDefaults } from '../../../../shared/consent/defaults';
import { runGate } from '../../../../shared/consent';
import {
  assertEditable,
  isFieldEditable,
  lockedFields,
  restrictedSubjectIds,
  RestrictedError,
  restrictionState,
} from '../../../../shared/restriction/restriction';
import { updateSubject } from '../../../../shared/rectification/update-subject';
import { annelies, bram } from '../../../fixtures/people';
import { ACTOR, restrictButEmails } from './support';
import { useMemoryVaults } from '../../../helpers/vaults';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';
import type { RestrictionPayload } from '../../../../shared/restriction/restriction-ledger';

const who = { recordedBy: 'user-dpo', deviceId: 'device-a', requestId: null, note: '' } as const;
const entry = (id: string, data: Partial<RestrictionPayload> & Pick<RestrictionPayload, 'type' | 'at'>) =>
  ({ id, data: { reason: 'accuracy_contested', ...who, ...data } }) as LedgerEntry<RestrictionPayload>;

const open = useMemoryVaults(seedConsentDefaults);

describe('restrictionState (Art. 18)', () => {
  it('leaves everything editable when never restricted or after the restriction was lifted', () => {
    expect(restrictionState([], 10)).toMatchObject({ restricted: false, editableFields: [] });
    const lifted = restrictionState(
      [entry('a1', { type: 'restricted', at: 1 }), entry('a2', { type: 'lifted', at: 5 })],
      10,
    );
    expect(lifted.restricted).toBe(false);
    expect(isFieldEditable(lifted, 'familyName')).toBe(true);
  });

  it('makes every field read-only except those the request asked to change', () => {
    const state = restrictionState(
      [entry('a1', { type: 'restricted', at: 1, editableFields: ['emails'] })],
      10,
    );
    expect(state.restricted).toBe(true);
    expect(isFieldEditable(state, 'emails')).toBe(true);
    expect(lockedFields(state, ['emails', 'familyName', 'address'])).toEqual(['familyName', 'address']);
  });

  it('a restriction recorded without editable fields locks the whole record', () => {
    const state = restrictionState([entry('a1', { type: 'restricted', at: 1 })], 10);
    expect(lockedFields(state, ['emails', 'notes'])).toEqual(['emails', 'notes']);
  });

  it('orders by event time, then id, whatever order the entries arrived in', () => {
    const entries = [entry('b', { type: 'lifted', at: 5 }), entry('a', { type: 'restricted', at: 5 })];
    expect(restrictionState(entries, 10).restricted).toBe(false);
    expect(restrictionState([...entries].reverse(), 10).restricted).toBe(false);
    // A restriction dated in the future is not in force yet.
    expect(restrictionState([entry('c', { type: 'restricted', at: 20 })], 10).restricted).toBe(false);
  });
});

describe('the write path under restriction', () => {
  it('assertEditable names the refused fields and never the values', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await assertEditable(session, person.id, ['familyName']);
    await restrictButEmails(session, person.id);
    await assertEditable(session, person.id, ['emails']);
    const error = await assertEditable(session, person.id, ['emails', 'familyName']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestrictedError);
    expect((error as RestrictedError).fields).toEqual(['familyName']);
    expect((error as Error).message).toContain('familyName');
    expect((error as Error).message).not.toContain('Verbeek');
  });

  it('allows the asked-for correction and refuses any other, until the restriction is lifted', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await restrictButEmails(session, person.id);
    const context = { subjectKind: 'person', actor: ACTOR } as const;
    const corrected = [{ value: 'annelies@verbeek.example', label: 'work' as const }];
    await updateSubject(session, session.people, person.id, (p) => ({ ...p, emails: corrected }), context);
    expect((await session.people.get(person.id)).data.emails).toEqual(corrected);

    await expect(
      updateSubject(
        session,
        session.people,
        person.id,
        (p) => ({ ...p, emails: [], tags: ['klant'] }),
        context,
      ),
    ).rejects.toMatchObject({ fields: ['tags'] });
    expect((await session.people.get(person.id)).data.tags).toEqual(['prospect']);

    await recordRestriction(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      type: 'lifted',
      reason: 'accuracy_contested',
    });
    await updateSubject(session, session.people, person.id, (p) => ({ ...p, tags: ['klant'] }), context);
    expect((await session.people.get(person.id)).data.tags).toEqual(['klant']);
  });

  it('the purpose gate leaves a restricted person out and lists restricted subjects', async () => {
    const session = await open();
    const restricted = await session.people.create(annelies);
    const free = await session.people.create(bram);
    await recordRestriction(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: restricted.id,
      type: 'restricted',
      reason: 'legal_claims',
    });
    const result = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_SALES_SERVICE,
      channel: 'email',
    });
    expect(result.eligible).toEqual([free.id]);
    expect(result.excluded).toEqual([{ personId: restricted.id, reason: 'restricted' }]);
    expect([...(await restrictedSubjectIds(session))]).toEqual([restricted.id]);
  });
});
