// Anonymisation: the person is erased, but the figures survive in an anonymous aggregate — revenue per
// month, deals per stage and activities per kind per month are the same before and after — and the
// aggregate holds nothing of the person. Decisions on the review queue are recorded and audited.
import { describe, expect, it } from 'vitest';
import { seedConsentDefaults } from '../../../../shared/consent/defaults';
import { CONSENT_EVENT } from '../../../../shared/consent/types';
import { ACTIVITY_ITEMS } from '../../../../shared/activities/activity';
import { DEAL_CONFIG, DealPayload, type DealInput } from '../../../../shared/deals/deal';
import { loadSodium } from '../../../../shared/crypto/sodium';
import {
  aggregateOf,
  ANONYMOUS_AGGREGATE,
  anonymiseSubject,
  loadSalesFigures,
} from '../../../../shared/retention/anonymise';
import { evaluateRetention } from '../../../../shared/retention/retention';
import { ReviewNotWaitingError, type ReviewDecision } from '../../../../shared/retention/retention-decide';
import { decideReview } from '../../../../shared/retention';
import { auditStep, LOCAL_ACTOR } from '../../../../shared/workspace';
import { RETENTION_REVIEW, reviewId } from '../../../../shared/retention/retention-review';
import {
  RULE_FORMER_CUSTOMERS,
  RULE_UNSUBSCRIBED,
  seedRetentionDefaults,
} from '../../../../shared/retention/retention-rules';
import { NotFoundError, ValidationError } from '../../../../shared/store/errors';
import { ERASURE_CERTIFICATE_CONFIG, certificateIdFor } from '../../../../shared/erasure/erasure-model';
import type { Session } from '../../../../shared/vault/session';
import { useMemoryVaults } from '../../../helpers/vaults';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const now = at('2027-06-01');
const source = { method: 'import', obtainedOn: '2018-01-01' } as const;

const deal = (personId: string, title: string, more: Partial<DealInput>): DealInput => ({
  title,
  stageId: 'won',
  value: 0,
  ownerId: 'admin',
  personId,
  notes: `Notes about ${title}`,
  createdAt: at('2018-06-01'),
  ...more,
});
const won = (month: string, value: number) => ({
  outcome: 'won' as const,
  stageId: 'won',
  reason: 'Signed',
  closedAt: at(`${month}-15`),
  value,
});

const open = useMemoryVaults(async (session) => {
  await seedConsentDefaults(session);
  await seedRetentionDefaults(session);
});

const seedCustomers = async (session: Session) => {
  const [gone, stays] = await session.people.createMany([
    { givenName: 'Gerrit', familyName: 'Vergeten', source },
    { givenName: 'Sanne', familyName: 'Blijft', source },
  ]);
  const deals = session.items(DEAL_CONFIG);
  await deals.create(gone!.id, deal(gone!.id, 'Gerrit kitchen', won('2019-03', 450_000)));
  await deals.create(gone!.id, deal(gone!.id, 'Gerrit extra', won('2020-01', 80_000)));
  await deals.create(
    gone!.id,
    deal(gone!.id, 'Gerrit lost', {
      stageId: 'lost',
      outcome: 'lost',
      reason: 'Price',
      closedAt: at('2019-05-02'),
    }),
  );
  await deals.create(stays!.id, deal(stays!.id, 'Sanne order', won('2019-03', 100_000)));
  await deals.create(stays!.id, deal(stays!.id, 'Sanne open', { stageId: 'proposal', value: 999 }));
  const activities = session.items(ACTIVITY_ITEMS);
  for (const day of ['2019-02-01', '2019-02-20', '2019-04-01'])
    await activities.create(gone!.id, {
      type: 'call',
      occurredAt: at(day),
      title: 'Called Gerrit',
      createdBy: 'admin',
    });
  await activities.create(stays!.id, {
    type: 'call',
    occurredAt: at('2019-02-03'),
    title: 'Sanne',
    createdBy: 'admin',
  });
  return { gone: gone!, stays: stays! };
};

describe('anonymous aggregates', () => {
  it('counts deals and activities per month without any id, name or text', () => {
    const aggregate = aggregateOf(
      'person',
      [
        DealPayload.parse(
          deal('abcdefgh12', 'Secret title', { ...won('2019-03', 450_000), notes: 'Secret notes' }),
        ),
      ],
      [],
      now,
    );
    expect(aggregate).toEqual({
      subjectKind: 'person',
      anonymisedMonth: '2027-06',
      ruleId: null,
      deals: [{ stageId: 'won', outcome: 'won', value: 450_000, currency: 'EUR', closeMonth: '2019-03' }],
      activities: [],
    });
    expect(JSON.stringify(aggregate)).not.toMatch(/Secret|abcdefgh12/);
  });

  it('keeps revenue per month, deals per stage and activities per month when a customer is anonymised', async () => {
    const session = await open();
    const { gone, stays } = await seedCustomers(session);
    const before = await loadSalesFigures(session);
    expect(before.revenueByMonth).toEqual({
      '2019-03': { EUR: 550_000 },
      '2020-01': { EUR: 80_000 },
    });

    const { aggregateId, certificate } = await anonymiseSubject(
      session,
      { subjectId: gone.id, requestId: 'retention-test', now: () => now },
      (entry) => auditStep(session, entry),
    );

    expect(await loadSalesFigures(session)).toEqual(before);
    await expect(session.people.get(gone.id)).rejects.toThrow();
    expect((await session.people.get(stays.id)).data.givenName).toBe('Sanne');
    expect(certificate).toMatchObject({ subjectId: gone.id, requestId: 'retention-test' });
    const aggregate = await session.settings(ANONYMOUS_AGGREGATE).get(aggregateId);
    expect(aggregate.data.activities).toEqual([
      { type: 'call', month: '2019-02', count: 2 },
      { type: 'call', month: '2019-04', count: 1 },
    ]);
    expect(JSON.stringify(aggregate.data)).not.toMatch(new RegExp(`Gerrit|Vergeten|${gone.id}`));
  });

  it('leaves no aggregate behind when the subject cannot be erased', async () => {
    const session = await open();
    await expect(
      anonymiseSubject(session, { subjectId: 'nosuchsubject1', requestId: 'retention-test' }, (entry) =>
        auditStep(session, entry),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await session.settings(ANONYMOUS_AGGREGATE).list()).records).toEqual([]);
  });
});

describe('decisions on the review queue', () => {
  /** Runs the retention rules at `now`; the id of the review `rule` opened for `subjectId`. */
  const reviewOpened = async (session: Session, rule: string, subjectId: string) => {
    await evaluateRetention(session, now);
    return reviewId(await loadSodium(), rule, subjectId);
  };
  const decideAtNow = (session: Session, id: string, decision: ReviewDecision) =>
    decideReview(session, LOCAL_ACTOR, { reviewId: id, decision, now: () => now });

  it('anonymises a former customer from the queue: figures kept, review closed, decision audited', async () => {
    const session = await open();
    const { gone } = await seedCustomers(session);
    const before = await loadSalesFigures(session);
    const id = await reviewOpened(session, RULE_FORMER_CUSTOMERS, gone.id);

    await decideAtNow(session, id, { action: 'anonymise' });

    const review = await session.compliance(RETENTION_REVIEW).get(id);
    expect(review.data).toMatchObject({ status: 'anonymised', decidedAt: now, decidedBy: 'local' });
    expect(review.data.aggregateId).toBeTruthy();
    expect(await loadSalesFigures(session)).toEqual(before);
    const certificate = await session.compliance(ERASURE_CERTIFICATE_CONFIG).get(certificateIdFor(gone.id));
    expect(certificate.data.requestId).toBe(id);
    const audit = (await session.audit.entries({ recordId: id })).entries;
    expect(audit.map((e) => [e.action, e.kind, e.details?.decision])).toContainEqual([
      'update',
      'retention-review',
      'anonymise',
    ]);
    await expect(
      decideReview(session, LOCAL_ACTOR, { reviewId: id, decision: { action: 'erase' } }),
    ).rejects.toBeInstanceOf(ReviewNotWaitingError);
  });

  it('keeps only the suppression entry of an unsubscribed person', async () => {
    const session = await open();
    const person = await session.people.create({
      givenName: 'Ulla',
      familyName: 'Uit',
      source: { method: 'collected_from_person', obtainedOn: '2026-10-01' },
    });
    const who = {
      recordedBy: 'admin',
      deviceId: 'd1',
      purposeId: 'purpose-e-marketing',
      method: 'web_form',
    } as const;
    await session.items(CONSENT_EVENT).create(person.id, { ...who, type: 'given', at: at('2026-10-01') });
    await session.items(CONSENT_EVENT).create(person.id, { ...who, type: 'withdrawn', at: at('2027-03-01') });
    const id = await reviewOpened(session, RULE_UNSUBSCRIBED, person.id);

    await decideAtNow(session, id, { action: 'suppress' });

    await expect(session.people.get(person.id)).rejects.toThrow();
    const certificate = await session.compliance(ERASURE_CERTIFICATE_CONFIG).get(certificateIdFor(person.id));
    expect(certificate.data.kept).toHaveLength(1);
    expect(certificate.data.kept[0]).toMatchObject({ exception: 'legal-claims', itemCount: 2 });
    expect((await session.compliance(RETENTION_REVIEW).get(id)).data.status).toBe('suppressed');
  });

  it('extends with a reason and a later date, and refuses an extension without them', async () => {
    const session = await open();
    const { gone } = await seedCustomers(session);
    const id = await reviewOpened(session, RULE_FORMER_CUSTOMERS, gone.id);
    await expect(
      decideAtNow(session, id, { action: 'extend', until: now - 1, reason: ' ' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await session.compliance(RETENTION_REVIEW).get(id)).data.status).toBe('open');

    const until = at('2028-01-01');
    await decideAtNow(session, id, { action: 'extend', until, reason: 'Warranty claim pending' });
    expect((await session.compliance(RETENTION_REVIEW).get(id)).data).toMatchObject({
      status: 'extended',
      extendedUntil: until,
      reason: 'Warranty claim pending',
    });
    expect((await session.people.get(gone.id)).data.givenName).toBe('Gerrit');
  });
});
