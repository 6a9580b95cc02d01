// The pure core of retention: which subject a rule finds past its period, on fixed times.
import { describe, expect, it } from 'vitest';
import { addMonths, retentionDue, type SubjectFacts } from '../../../../shared/retention/retention-due';
import {
  DEFAULT_RETENTION_RULES,
  RetentionRulePayload,
  RULE_FORMER_CUSTOMERS,
  RULE_PROSPECTS,
  RULE_UNSUBSCRIBED,
  type RetentionRuleInput,
} from '../../../../shared/retention/retention-rules';

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const rule = (id: string) =>
  RetentionRulePayload.parse(DEFAULT_RETENTION_RULES.find((r) => r.id === id)!.data);
const custom = (more: Partial<RetentionRuleInput>) =>
  RetentionRulePayload.parse({ ...DEFAULT_RETENTION_RULES[0]!.data, ...more });
const facts = (more: Partial<SubjectFacts> = {}): SubjectFacts => ({
  subjectId: 'p1subject',
  kind: 'person',
  collectedAt: at('2020-01-15'),
  lastActivityAt: null,
  lastContractAt: null,
  unsubscribedAt: null,
  purposeIds: new Set(['purpose-sales-service']),
  categories: new Set(['identity', 'contact']),
  ...more,
});
const now = at('2024-06-01');

describe('calendar months', () => {
  it('adds months in UTC and clamps to the end of a shorter month', () => {
    expect(addMonths(at('2024-01-31'), 1)).toBe(at('2024-02-29'));
    expect(addMonths(at('2023-01-31'), 1)).toBe(at('2023-02-28'));
    expect(addMonths(at('2022-06-01'), 24)).toBe(at('2024-06-01'));
    expect(addMonths(at('2017-03-15'), 84)).toBe(at('2024-03-15'));
  });
});

describe('prospect with no activity for 24 months', () => {
  const prospects = rule(RULE_PROSPECTS);

  it('finds a prospect whose last activity is 25 months ago, with that activity as evidence', () => {
    const last = at('2022-05-01');
    expect(retentionDue(prospects, facts({ lastActivityAt: last }), now)).toEqual({
      due: true,
      triggerAt: last,
      dueAt: at('2024-05-01'),
    });
  });

  it('is due exactly at the end of the period, not a day before', () => {
    const last = at('2022-06-01');
    expect(retentionDue(prospects, facts({ lastActivityAt: last }), now).due).toBe(true);
    expect(retentionDue(prospects, facts({ lastActivityAt: at('2022-06-02') }), now)).toEqual({
      due: false,
      reason: 'not-yet',
      dueAt: at('2024-06-02'),
    });
  });

  it('counts from the collection date when nothing happened since', () => {
    expect(retentionDue(prospects, facts(), now)).toMatchObject({ due: true, triggerAt: at('2020-01-15') });
    expect(retentionDue(prospects, facts({ collectedAt: at('2023-01-01') }), now).due).toBe(false);
  });

  it('leaves customers and organisations alone', () => {
    const customer = facts({ lastContractAt: at('2020-02-01') });
    expect(retentionDue(prospects, customer, now)).toMatchObject({ due: false, reason: 'out-of-scope' });
    expect(retentionDue(prospects, facts({ kind: 'organisation' }), now)).toMatchObject({
      reason: 'other-kind',
    });
  });

  it('does nothing while the rule is switched off', () => {
    const off = RetentionRulePayload.parse({ ...DEFAULT_RETENTION_RULES[0]!.data, active: false });
    expect(retentionDue(off, facts(), now)).toMatchObject({ due: false, reason: 'inactive' });
  });
});

describe('former customer: 7 years after the last contract', () => {
  const former = rule(RULE_FORMER_CUSTOMERS);

  it('finds a customer 7 years after the last won deal, for people and organisations', () => {
    const last = at('2017-05-31');
    expect(retentionDue(former, facts({ lastContractAt: last }), now)).toEqual({
      due: true,
      triggerAt: last,
      dueAt: at('2024-05-31'),
    });
    expect(retentionDue(former, facts({ kind: 'organisation', lastContractAt: last }), now).due).toBe(true);
  });

  it('keeps a customer whose last contract is younger, however old the last activity', () => {
    const decision = retentionDue(
      former,
      facts({ lastContractAt: at('2018-01-01'), lastActivityAt: at('2018-01-01') }),
      now,
    );
    expect(decision).toMatchObject({ due: false, reason: 'not-yet', dueAt: at('2025-01-01') });
  });

  it('never finds a prospect (no contract to count from)', () => {
    expect(retentionDue(former, facts(), now)).toMatchObject({ due: false, reason: 'out-of-scope' });
  });
});

describe('unsubscribed: keep only the suppression entry', () => {
  const unsubscribed = rule(RULE_UNSUBSCRIBED);

  it('finds a person a month after the last consent or list ended', () => {
    expect(retentionDue(unsubscribed, facts({ unsubscribedAt: at('2024-04-30') }), now)).toMatchObject({
      due: true,
      dueAt: at('2024-05-30'),
    });
    expect(retentionDue(unsubscribed, facts({ unsubscribedAt: at('2024-05-15') }), now).due).toBe(false);
  });

  it('does not touch a customer who left the newsletter, nor someone still subscribed', () => {
    const customer = facts({ unsubscribedAt: at('2020-01-01'), lastContractAt: at('2023-01-01') });
    expect(retentionDue(unsubscribed, customer, now)).toMatchObject({ reason: 'out-of-scope' });
    expect(retentionDue(unsubscribed, facts(), now)).toMatchObject({ reason: 'out-of-scope' });
  });
});

describe('scopes by purpose and by data category', () => {
  it('a purpose rule finds only the people the purpose applies to', () => {
    const byPurpose = custom({ scope: { type: 'purpose', purposeId: 'purpose-e-marketing' } });
    expect(retentionDue(byPurpose, facts(), now)).toMatchObject({ reason: 'out-of-scope' });
    const subscribed = facts({ purposeIds: new Set(['purpose-e-marketing']) });
    expect(retentionDue(byPurpose, subscribed, now).due).toBe(true);
  });

  it('a category rule finds only records that hold that category', () => {
    const financial = custom({
      scope: { type: 'category', category: 'financial' },
      trigger: 'collection',
      months: 12,
    });
    expect(retentionDue(financial, facts(), now)).toMatchObject({ reason: 'out-of-scope' });
    const holds = facts({ categories: new Set(['financial']), lastActivityAt: at('2024-05-01') });
    // Collection, not activity: recent contact does not extend a collection-date rule.
    expect(retentionDue(financial, holds, now)).toMatchObject({ due: true, triggerAt: at('2020-01-15') });
  });

  it('a status "any" rule on organisations with a last-activity trigger', () => {
    const orgs = custom({ subjectKinds: ['organisation'], scope: { type: 'status', status: 'any' } });
    const org = facts({ kind: 'organisation', lastContractAt: at('2019-01-01') });
    expect(retentionDue(orgs, org, now).due).toBe(true);
    expect(retentionDue(orgs, { ...org, lastActivityAt: at('2023-01-01') }, now).due).toBe(false);
  });
});

describe('rule validation', () => {
  it('refuses a rule without a name, a legal reason or a positive period, naming each field', () => {
    const result = RetentionRulePayload.safeParse({
      ...DEFAULT_RETENTION_RULES[0]!.data,
      name: { en: '', nl: '' },
      legalReason: { en: '', nl: '' },
      months: 0,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort();
    expect(paths).toEqual(['legalReason:legal_reason', 'months:months', 'name:name']);
  });
});
