import { describe, expect, it } from 'vitest';
import { recordBasis } from '../../../../shared/purposes';
import { assessObjection, recordObjection, recordProfilingChoice } from '../../../../shared/objection';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { bulkUpdate } from '../../../../shared/bulk';
import {
  PURPOSE_E_MARKETING,
  PURPOSE_SALES_SERVICE,
  seedConsentDefaults,
} from '../../../../shared/consent/defaults';
import { ObjectionAssessmentError } from '../../../../shared/objection/objection';
import { runGate, recordConsent } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store/errors';
import {
  isProfilingAllowed,
  loadProfilingChoices,
  optedOutOfProfiling,
  PROFILING_OPTOUT,
  type ProfilingChoicePayload,
} from '../../../../shared/objection/profiling';
import type { Session } from '../../../../shared/vault/session';
import { annelies } from '../../../fixtures/people';
import { ACTOR } from './support';
import { useMemoryVaults } from '../../../helpers/vaults';
import { PURPOSE } from '../../../../shared/purposes/purposes';
import { OBJECTION, ObjectionPayload } from '../../../../shared/objection/objection-ledger';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';

const open = useMemoryVaults(seedConsentDefaults);

const choice = (id: string, type: ProfilingChoicePayload['type'], at: number) =>
  ({
    id,
    data: { type, at, method: 'email', note: '', requestId: null, recordedBy: 'u', deviceId: 'd' },
  }) satisfies LedgerEntry<ProfilingChoicePayload>;

describe('isProfilingAllowed (Art. 22)', () => {
  it('allows profiling until the person opts out, and again only after they opt back in', () => {
    expect(isProfilingAllowed([], 10)).toBe(true);
    expect(isProfilingAllowed([choice('a', 'opted_out', 1)], 10)).toBe(false);
    expect(isProfilingAllowed([choice('b', 'opted_in', 5), choice('a', 'opted_out', 1)], 10)).toBe(true);
    // Equal times: the id breaks the tie, the same on every device.
    expect(isProfilingAllowed([choice('b', 'opted_out', 5), choice('a', 'opted_in', 5)], 10)).toBe(false);
    // A choice dated after `now` does not count yet.
    expect(isProfilingAllowed([choice('a', 'opted_out', 20)], 10)).toBe(true);
  });

  it('records the opt-out with time, method, who and device, encrypted and audited', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await recordProfilingChoice(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      type: 'opted_out',
      method: 'email',
      requestId: 'request0042',
      at: 1000,
    });
    const entries = await loadProfilingChoices(session, person.id);
    expect(entries.map((e) => e.data)).toEqual([
      {
        type: 'opted_out',
        at: 1000,
        method: 'email',
        note: '',
        requestId: 'request0042',
        recordedBy: 'user-dpo',
        deviceId: 'device-a',
      },
    ]);
    expect(isProfilingAllowed(entries, 2000)).toBe(false);
    expect([...(await optedOutOfProfiling(session, 2000))]).toEqual([person.id]);
    await recordProfilingChoice(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      type: 'opted_in',
      method: 'web_form',
      at: 3000,
    });
    expect(await optedOutOfProfiling(session, 4000)).toEqual(new Set());
    const audits = (await session.audit.entries()).entries.filter((e) => e.kind === PROFILING_OPTOUT.kind);
    expect(audits.map((a) => [a.action, a.requestId ?? null])).toEqual([
      ['consent', null],
      ['consent', 'request0042'],
    ]);
  });
});

describe('objection to direct marketing (Art. 21(2)–(3))', () => {
  it('stops every direct-marketing purpose at once and for good: later consent from a bulk update does not undo it', async () => {
    const session = await open();
    // A second and a third direct-marketing purpose, on other bases and channels.
    await session.settings(PURPOSE).put(
      {
        name: { en: 'Catalogue by post', nl: 'Catalogus per post' },
        lawfulBasis: 'legitimate_interests',
        balancingTest: 'Existing customers expect our catalogue.',
        appliesToAll: true,
        directMarketing: true,
        channels: ['post', 'email'],
      },
      'purpose-catalogue',
    );
    await session.settings(PURPOSE).put(
      {
        name: { en: 'Event invitations', nl: 'Uitnodigingen' },
        lawfulBasis: 'consent',
        directMarketing: true,
        channels: ['email'],
      },
      'purpose-events',
    );
    const marketing = [PURPOSE_E_MARKETING, 'purpose-catalogue', 'purpose-events'];
    const person = await session.people.create(annelies);
    for (const purposeId of [PURPOSE_E_MARKETING, 'purpose-events'])
      await recordConsent(session, LOCAL_ACTOR, {
        recordedBy: ACTOR,
        personId: person.id,
        purposeId,
        type: 'given',
        method: 'web_form',
        at: 1,
      });
    await recordObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      type: 'objected',
      scope: 'direct_marketing',
      method: 'email',
      at: 2,
    });
    // An import or bulk update later records consent again.
    await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: [person.id],
      operation: {
        type: 'consent',
        purposeId: 'purpose-events',
        event: 'given',
        method: 'web_form',
      },
    });

    for (const purposeId of marketing) {
      const result = await runGate(session, LOCAL_ACTOR, { purposeId, channel: 'email' });
      expect(result.excluded, purposeId).toEqual([{ personId: person.id, reason: 'objected' }]);
    }
    // Processing that is not direct marketing goes on.
    expect(
      (await runGate(session, LOCAL_ACTOR, { purposeId: PURPOSE_SALES_SERVICE, channel: 'email' })).eligible,
    ).toEqual([person.id]);
    // Only the person's own lifting of the objection brings marketing back.
    await recordObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      type: 'lifted',
      scope: 'direct_marketing',
      method: 'email',
    });
    expect(
      (await runGate(session, LOCAL_ACTOR, { purposeId: 'purpose-catalogue', channel: 'email' })).eligible,
    ).toEqual([person.id]);
  });

  it('cannot be overridden or assessed', async () => {
    expect(
      ObjectionPayload.safeParse({
        type: 'overridden',
        scope: 'direct_marketing',
        at: 1,
        method: 'email',
        grounds: 'We really want to',
        recordedBy: 'u',
        deviceId: 'd',
      }).success,
    ).toBe(false);
    const session = await open();
    const person = await session.people.create(annelies);
    await expect(
      assessObjection(session, LOCAL_ACTOR, {
        recordedBy: ACTOR,
        personId: person.id,
        purposeId: PURPOSE_E_MARKETING,
        personGrounds: 'No more mail',
        compellingGrounds: 'Sales target',
        outcome: 'overridden',
        method: 'email',
      }),
    ).rejects.toMatchObject({ code: 'direct-marketing' });
  });
});

describe('objection to legitimate-interest processing (Art. 21(1)): the assessment', () => {
  const objectToSales = async (session: Session, personId: string) =>
    recordObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId,
      type: 'objected',
      scope: 'purpose',
      purposeId: PURPOSE_SALES_SERVICE,
      method: 'email',
      grounds: 'I left the company; stop calling me',
      at: 1,
    });

  it('upheld: records both grounds, who decided and when, and the person stays out', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await objectToSales(session, person.id);
    const decided = await assessObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      purposeId: PURPOSE_SALES_SERVICE,
      personGrounds: 'I left the company; stop calling me',
      outcome: 'upheld',
      method: 'email',
      requestId: 'request0007',
      at: 5,
    });
    expect(decided.data).toMatchObject({
      type: 'objected',
      requestId: 'request0007',
      assessment: {
        personGrounds: 'I left the company; stop calling me',
        compellingGrounds: '',
        outcome: 'upheld',
        decidedBy: 'user-dpo',
        decidedAt: 5,
      },
    });
    const gate = await runGate(session, LOCAL_ACTOR, { purposeId: PURPOSE_SALES_SERVICE, channel: 'email' });
    expect(gate.excluded).toEqual([{ personId: person.id, reason: 'objected' }]);
  });

  it('overridden: requires the compelling grounds, then processing may go on', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await objectToSales(session, person.id);
    const input = {
      purposeId: PURPOSE_SALES_SERVICE,
      personGrounds: 'I left the company',
      outcome: 'overridden',
      method: 'email',
      at: 5,
    } as const;
    const missing = await assessObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      ...input,
    }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).issues.map((i) => i.path)).toContain('assessment.compellingGrounds');
    expect((await session.items(OBJECTION).listForSubject(person.id)).records).toHaveLength(1);

    await assessObjection(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      ...input,
      compellingGrounds: 'Open warranty claim on a delivered machine; we must reach the buyer',
    });
    const gate = await runGate(session, LOCAL_ACTOR, { purposeId: PURPOSE_SALES_SERVICE, channel: 'email' });
    expect(gate.eligible).toEqual([person.id]);
  });

  it('refuses to decide without a standing objection, or for a purpose the person agreed to on another basis', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const decide = () =>
      assessObjection(session, LOCAL_ACTOR, {
        recordedBy: ACTOR,
        personId: person.id,
        purposeId: PURPOSE_SALES_SERVICE,
        personGrounds: 'x',
        outcome: 'upheld',
        method: 'email',
      });
    await expect(decide()).rejects.toMatchObject({ code: 'no-objection' });
    await recordBasis(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      personId: person.id,
      purposeId: PURPOSE_SALES_SERVICE,
      basis: 'contract',
    });
    await objectToSales(session, person.id);
    const error = await decide().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectionAssessmentError);
    expect(error).toMatchObject({ code: 'basis' });
  });

  it("the schema refuses an assessment whose outcome contradicts the entry, and one without the person's grounds", () => {
    const base = {
      scope: 'purpose',
      purposeId: PURPOSE_SALES_SERVICE,
      at: 1,
      method: 'email',
      grounds: 'g',
      recordedBy: 'u',
      deviceId: 'd',
    } as const;
    const assessment = { personGrounds: 'p', compellingGrounds: 'c', decidedBy: 'u', decidedAt: 1 };
    const parse = (type: string, outcome: string, extra: object = {}) =>
      ObjectionPayload.safeParse({ ...base, type, assessment: { ...assessment, outcome, ...extra } });
    expect(parse('objected', 'upheld').success).toBe(true);
    expect(parse('overridden', 'overridden').success).toBe(true);
    expect(parse('objected', 'overridden').success).toBe(false);
    expect(parse('overridden', 'upheld').success).toBe(false);
    expect(parse('lifted', 'upheld').success).toBe(false);
    expect(parse('objected', 'upheld', { personGrounds: '' }).success).toBe(false);
  });
});
