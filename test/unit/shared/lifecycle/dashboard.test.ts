// The privacy dashboard's aggregations on fixed ledgers and a fixed clock.
import { describe, expect, it } from 'vitest';
import {
  SubscriptionTypePayload,
  type ConsentEventPayload,
  type SubscriptionEventPayload,
} from '../../../../shared/consent/types';
import {
  consentExpiry,
  deviceFreshness,
  lawfulBasisGaps,
  processorReviews,
  type PersonLedgers,
} from '../../../../shared/dashboard/dashboard';
import { ProcessorPayload } from '../../../../shared/processors/processors';
import type { DeviceSummary } from '../../../../shared/sync';
import { PurposePayload, type PurposeBasisPayload } from '../../../../shared/purposes/purposes';
import { type LedgerEntry } from '../../../../shared/purposes/ledger';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const who = { recordedBy: 'u1', deviceId: 'd1', batchId: null };
const evidence = { text: '', reference: '', file: null };

const marketing = {
  id: 'purpose-e-marketing',
  data: PurposePayload.parse({
    name: { en: 'Newsletter', nl: 'Nieuwsbrief' },
    lawfulBasis: 'consent',
    channels: ['email'],
    requiresSubscription: true,
  }),
};
const sales = {
  id: 'purpose-sales',
  data: PurposePayload.parse({ name: { en: 'Sales', nl: 'Verkoop' }, lawfulBasis: 'contract' }),
};
const retired = {
  id: 'purpose-retired',
  data: PurposePayload.parse({ name: { en: 'Old', nl: 'Oud' }, lawfulBasis: 'consent', active: false }),
};
const newsletter = {
  id: 'subscription-newsletter',
  data: SubscriptionTypePayload.parse({ name: { en: 'News', nl: 'Nieuws' }, purposeId: marketing.id }),
};
const oldList = {
  id: 'subscription-old',
  data: SubscriptionTypePayload.parse({ name: { en: 'Old', nl: 'Oud' }, purposeId: retired.id }),
};

const subscribed = (id: string, list = newsletter.id): LedgerEntry<SubscriptionEventPayload> => ({
  id,
  data: {
    subscriptionTypeId: list,
    type: 'subscribed',
    at: NOW - 100 * DAY,
    origin: 'manual',
    requestedAt: null,
    evidence,
    ...who,
  },
});
const consent = (
  id: string,
  type: ConsentEventPayload['type'],
  at: number,
  expiresAt: number | null,
  purposeId = marketing.id,
): LedgerEntry<ConsentEventPayload> => ({
  id,
  data: {
    purposeId,
    type,
    at,
    method: 'paper',
    noticeId: null,
    noticeVersion: '',
    evidence,
    expiresAt,
    ...who,
  },
});
const basis = (id: string, purposeId: string, value: PurposeBasisPayload['basis']) => ({
  id,
  data: { purposeId, basis: value, note: '', at: NOW - 10 * DAY, ...who },
});
const person = (personId: string, ledgers: Partial<PersonLedgers> = {}): PersonLedgers => ({
  personId,
  bases: [],
  consents: [],
  subscriptions: [],
  objections: [],
  restrictions: [],
  ...ledgers,
});

describe('people with no lawful basis for a purpose in use', () => {
  const gaps = (people: PersonLedgers[]) =>
    lawfulBasisGaps(people, [marketing, sales, retired], [newsletter, oldList], NOW);

  it('counts a person on a consent list whose consent was never given, withdrawn or has expired', () => {
    const result = gaps([
      person('never', { subscriptions: [subscribed('s1')] }),
      person('withdrew', {
        subscriptions: [subscribed('s2')],
        consents: [consent('c1', 'given', NOW - 50 * DAY, null), consent('c2', 'withdrawn', NOW - DAY, null)],
      }),
      person('expired', {
        subscriptions: [subscribed('s3')],
        consents: [consent('c3', 'given', NOW - 400 * DAY, NOW - DAY)],
      }),
      person('fine', {
        subscriptions: [subscribed('s4')],
        consents: [consent('c4', 'given', NOW - 50 * DAY, NOW + 300 * DAY)],
      }),
    ]);
    expect(result).toEqual({ people: 3, byPurpose: [{ purposeId: marketing.id, people: 3 }] });
  });

  it('counts a person whose recorded basis was removed, not one who was never processed for the purpose', () => {
    const result = gaps([
      person('removed', {
        bases: [
          basis('b1', sales.id, 'contract'),
          { ...basis('b2', sales.id, null), data: { ...basis('b2', sales.id, null).data, at: NOW - DAY } },
        ],
      }),
      person('recorded', { bases: [basis('b3', sales.id, 'contract')] }),
      person('untouched'),
    ]);
    expect(result).toEqual({ people: 1, byPurpose: [{ purposeId: sales.id, people: 1 }] });
  });

  it('counts a person once across purposes, and ignores inactive purposes', () => {
    const result = gaps([
      person('both', {
        subscriptions: [subscribed('s1'), subscribed('s2', oldList.id)],
        bases: [basis('b1', sales.id, null)],
      }),
    ]);
    expect(result.people).toBe(1);
    expect(result.byPurpose.map((p) => p.purposeId).sort()).toEqual([marketing.id, sales.id]);
  });
});

describe('consents expiring', () => {
  it('counts consents still given that run out within 30, 60 and 90 days, and the soonest', () => {
    const ledgers = new Map([
      ['p1', [consent('a', 'given', NOW - DAY, NOW + 10 * DAY)]],
      ['p2', [consent('b', 'given', NOW - DAY, NOW + 45 * DAY)]],
      [
        'p3',
        [
          consent('c', 'given', NOW - DAY, NOW + 80 * DAY),
          consent('d', 'given', NOW - DAY, NOW + 200 * DAY, sales.id),
        ],
      ],
      ['p4', [consent('e', 'given', NOW - 400 * DAY, NOW - DAY)]],
      [
        'p5',
        [consent('f', 'given', NOW - 9 * DAY, NOW + 5 * DAY), consent('g', 'withdrawn', NOW - DAY, null)],
      ],
    ]);
    expect(consentExpiry(ledgers, NOW)).toEqual({
      within: { 30: 1, 60: 2, 90: 3 },
      soonestAt: NOW + 10 * DAY,
    });
  });

  it('moves a consent into the 30-day window as the clock moves on', () => {
    const ledgers = new Map([['p1', [consent('a', 'given', NOW, NOW + 50 * DAY)]]]);
    expect(consentExpiry(ledgers, NOW).within[30]).toBe(0);
    expect(consentExpiry(ledgers, NOW + 25 * DAY).within[30]).toBe(1);
    expect(consentExpiry(ledgers, NOW + 51 * DAY).within[90]).toBe(0);
  });
});

describe('devices not synced for 30 days', () => {
  const device = (id: string, change: Partial<DeviceSummary>): DeviceSummary => ({
    id,
    userId: 'u1',
    createdAt: NOW - 100 * DAY,
    lastSyncAt: NOW - DAY,
    expiresAt: NOW + 30 * DAY,
    revokedAt: null,
    ...change,
  });

  it('counts active devices silent for more than 30 days, longest silent first; revoked and expired do not count', () => {
    const result = deviceFreshness(
      [
        device('recent', {}),
        device('silent', { lastSyncAt: NOW - 31 * DAY }),
        device('never', { lastSyncAt: null }),
        device('new', { lastSyncAt: null, createdAt: NOW - DAY }),
        device('revoked', { lastSyncAt: NOW - 90 * DAY, revokedAt: NOW - 80 * DAY }),
        device('expired', { lastSyncAt: NOW - 90 * DAY, expiresAt: NOW - DAY }),
      ],
      NOW,
    );
    expect(result).toEqual({
      active: 4,
      stale: 2,
      staleDevices: [
        { id: 'never', lastSyncAt: null },
        { id: 'silent', lastSyncAt: NOW - 31 * DAY },
      ],
    });
  });
});

describe('processor agreements due for review', () => {
  it('counts overdue, due within 30 days and missing agreements; other recipients are not processors', () => {
    const p = (id: string, agreement: object, role = 'processor') => ({
      id,
      data: ProcessorPayload.parse({ name: id, role, agreement }),
    });
    const result = processorReviews(
      [
        p('overdue', { signedOn: '2024-01-01', reviewOn: '2026-11-01' }),
        p('soon', { signedOn: '2024-01-01', reviewOn: '2026-12-15' }),
        p('later', { signedOn: '2024-01-01', reviewOn: '2027-06-01' }),
        p('unsigned', {}),
        p('accountant', {}, 'controller'),
      ],
      '2026-11-29',
    );
    expect(result).toEqual({ overdue: 1, dueSoon: 1, noAgreement: 1, total: 5 });
  });
});
