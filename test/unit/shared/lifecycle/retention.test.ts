// Retention evaluation over a real vault (RxDB memory storage, real libsodium) on a fixed clock: the
// default rules select exactly the subjects they should, a second run changes nothing, the queue
// follows new activity and extensions, and the dashboard summary counts what waits.
import { describe, expect, it } from 'vitest';
import { CONSENT_EVENT } from '../../../../shared/consent/types';
import { ACTIVITY_ITEMS } from '../../../../shared/activities/activity';
import { DEAL_CONFIG, type DealInput } from '../../../../shared/deals/deal';
import { loadSodium } from '../../../../shared/crypto/sodium';
import { seedConsentDefaults } from '../../../../shared/consent/defaults';
import { evaluateRetention, summariseRetention } from '../../../../shared/retention/retention';
import { RETENTION_REVIEW, reviewId } from '../../../../shared/retention/retention-review';
import {
  RULE_FORMER_CUSTOMERS,
  RULE_PROSPECTS,
  RULE_UNSUBSCRIBED,
  seedRetentionDefaults,
} from '../../../../shared/retention/retention-rules';
import type { Session } from '../../../../shared/vault/session';
import { useMemoryVaults } from '../../../helpers/vaults';

const newVault = useMemoryVaults();

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const now = at('2027-06-01');
const source = (obtainedOn: string) => ({ method: 'import', obtainedOn }) as const;
const who = { recordedBy: 'admin', deviceId: 'device-1' };

const wonDeal = (subject: { personId?: string; organisationId?: string }, closedOn: string): DealInput => ({
  title: 'Order',
  stageId: 'won',
  value: 120_000,
  ownerId: 'admin',
  outcome: 'won',
  reason: 'Signed',
  closedAt: at(closedOn),
  createdAt: at(closedOn) - 30 * 86_400_000,
  ...subject,
});

const seed = async (session: Session) => {
  await seedConsentDefaults(session);
  await seedRetentionDefaults(session);
  const [quiet, active, customer, unsubscribed] = await session.people.createMany([
    { givenName: 'Quinten', familyName: 'Stil', source: source('2025-01-01') },
    { givenName: 'Anouk', familyName: 'Actief', source: source('2025-01-01') },
    { givenName: 'Karel', familyName: 'Klant', source: source('2018-01-01') },
    { givenName: 'Ulla', familyName: 'Uitgeschreven', source: source('2026-10-01') },
  ]);
  const org = await session.organisations.create({ name: 'Oud BV', source: source('2019-01-01') });
  await session.items(ACTIVITY_ITEMS).create(active!.id, {
    type: 'call',
    occurredAt: at('2026-01-10'),
    title: 'Follow-up',
    createdBy: 'admin',
  });
  await session.items(DEAL_CONFIG).create(customer!.id, wonDeal({ personId: customer!.id }, '2019-01-01'));
  await session.items(DEAL_CONFIG).create(org.id, wonDeal({ organisationId: org.id }, '2020-05-01'));
  const consent = session.items(CONSENT_EVENT);
  const marketing = { purposeId: 'purpose-e-marketing', method: 'web_form', ...who } as const;
  await consent.create(unsubscribed!.id, { ...marketing, type: 'given', at: at('2026-10-01') });
  await consent.create(unsubscribed!.id, { ...marketing, type: 'withdrawn', at: at('2027-03-01') });
  return { quiet: quiet!, active: active!, customer: customer!, unsubscribed: unsubscribed!, org };
};

const open = async () => {
  const session = await newVault();
  return { session, subjects: await seed(session) };
};

const queue = async (session: Session) =>
  (await session.compliance(RETENTION_REVIEW).list()).records
    .map((r) => ({ id: r.id, rule: r.data.ruleId, subject: r.data.subjectId, status: r.data.status }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

describe('retention evaluation', () => {
  it('opens a review for exactly the subjects past a rule, with the evidence', async () => {
    const { session, subjects } = await open();
    const result = await evaluateRetention(session, now);
    expect(result).toEqual({ opened: 4, reopened: 0, cleared: 0, waiting: 4 });
    const sodium = await loadSodium();
    const expected = [
      [RULE_PROSPECTS, subjects.quiet.id],
      [RULE_FORMER_CUSTOMERS, subjects.customer.id],
      [RULE_FORMER_CUSTOMERS, subjects.org.id],
      [RULE_UNSUBSCRIBED, subjects.unsubscribed.id],
    ].map(([rule, subject]) => ({
      id: reviewId(sodium, rule!, subject!),
      rule,
      subject,
      status: 'open',
    }));
    expect(await queue(session)).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
    const quiet = await session
      .compliance(RETENTION_REVIEW)
      .get(reviewId(sodium, RULE_PROSPECTS, subjects.quiet.id));
    expect(quiet.data).toMatchObject({
      subjectKind: 'person',
      trigger: 'last_activity',
      triggerAt: at('2025-01-01'),
      dueAt: at('2027-01-01'),
      foundAt: now,
    });
  });

  it('changes nothing when run again, on this device or another with the same data', async () => {
    const { session } = await open();
    await evaluateRetention(session, now);
    const before = await queue(session);
    const updatedAt = (await session.compliance(RETENTION_REVIEW).list()).records.map((r) => r.updatedAt);
    expect(await evaluateRetention(session, now + 86_400_000)).toEqual({
      opened: 0,
      reopened: 0,
      cleared: 0,
      waiting: 4,
    });
    expect(await queue(session)).toEqual(before);
    expect((await session.compliance(RETENTION_REVIEW).list()).records.map((r) => r.updatedAt)).toEqual(
      updatedAt,
    );
  });

  it('clears an open review when the subject becomes active again', async () => {
    const { session, subjects } = await open();
    await evaluateRetention(session, now);
    await session.items(ACTIVITY_ITEMS).create(subjects.quiet.id, {
      type: 'meeting',
      occurredAt: at('2027-05-20'),
      title: 'Back in touch',
      createdBy: 'admin',
    });
    expect(await evaluateRetention(session, now)).toMatchObject({ cleared: 1, waiting: 3 });
    const sodium = await loadSodium();
    const review = await session
      .compliance(RETENTION_REVIEW)
      .get(reviewId(sodium, RULE_PROSPECTS, subjects.quiet.id));
    expect(review.data.status).toBe('cleared');
  });

  it('brings an extended review back once the extension runs out', async () => {
    const { session, subjects } = await open();
    await evaluateRetention(session, now);
    const sodium = await loadSodium();
    const id = reviewId(sodium, RULE_FORMER_CUSTOMERS, subjects.org.id);
    await session.compliance(RETENTION_REVIEW).update(id, (r) => ({
      ...r,
      status: 'extended',
      reason: 'Open warranty claim',
      extendedUntil: at('2027-12-01'),
      decidedAt: now,
      decidedBy: 'admin',
    }));
    expect(await evaluateRetention(session, at('2027-11-30'))).toMatchObject({ reopened: 0, waiting: 3 });
    expect(await evaluateRetention(session, at('2027-12-01'))).toMatchObject({ reopened: 1, waiting: 4 });
    expect((await session.compliance(RETENTION_REVIEW).get(id)).data.status).toBe('open');
  });
});

describe('retention summary for the dashboard', () => {
  it('counts the reviews waiting and says when the rules last ran', async () => {
    const { session } = await open();
    expect(await summariseRetention(session, now)).toEqual({ waiting: 0, lastRunAt: null });
    await evaluateRetention(session, now);
    expect(await summariseRetention(session, now)).toEqual({ waiting: 4, lastRunAt: now });
  });
});
