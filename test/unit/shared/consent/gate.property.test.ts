// The purpose gate over generated people: every combination of basis, consent state, subscription,
// objection, restriction, erasure, contact details and purpose settings gives the decision the reference
// table below says — whatever order the ledger entries arrive in (sync delivers them in any order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEligibility } from '../../../../shared/consent/gate';
import {
  EXCLUSION_REASONS,
  type ConsentEventPayload,
  type ExclusionReason,
  type PersonFacts,
  type SubscriptionEventPayload,
} from '../../../../shared/consent/types';
import type { Channel, LawfulBasis } from '../../../../shared/purposes/vocabulary';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';
import type { ObjectionPayload } from '../../../../shared/objection/objection-ledger';
import type { PurposeBasisPayload, PurposePayload } from '../../../../shared/purposes/purposes';
import type { RestrictionPayload } from '../../../../shared/restriction/restriction-ledger';
import { CHANNELS, LAWFUL_BASES } from '../../../../shared/purposes/vocabulary';
import { PurposePayload as PurposeSchema } from '../../../../shared/purposes/purposes';

const NOW = Date.UTC(2026, 10, 29, 12);
const DAY = 86_400_000;
const PURPOSE_ID = 'purpose-under-test';
const OTHER_PURPOSE = 'purpose-other';
const LIST = 'list-under-test';
const who = { recordedBy: 'user1', deviceId: 'device1' };

const CONSENT_CASES = [
  'none',
  'given',
  'given-expiring-later',
  'withdrawn',
  'expired-event',
  'expired-by-date',
  'withdrawn-then-renewed',
  'given-other-purpose',
] as const;
type ConsentCase = (typeof CONSENT_CASES)[number];
const SUBSCRIPTION_CASES = [
  'none',
  'subscribed',
  'unsubscribed',
  'pending',
  'confirmed',
  'unsubscribed-then-import',
  'unsubscribed-then-web-form',
  'late-stale-subscribe',
] as const;
type SubscriptionCase = (typeof SUBSCRIPTION_CASES)[number];
const OBJECTION_CASES = ['none', 'objected-purpose', 'objected-marketing', 'overridden', 'lifted'] as const;
type ObjectionCase = (typeof OBJECTION_CASES)[number];
const RESTRICTION_CASES = ['none', 'restricted', 'lifted', 'restricted-in-future'] as const;
type RestrictionCase = (typeof RESTRICTION_CASES)[number];
type BasisCase = 'unrecorded' | 'cleared' | LawfulBasis;

interface Case {
  purpose: {
    lawfulBasis: LawfulBasis;
    appliesToAll: boolean;
    directMarketing: boolean;
    requiresSubscription: boolean;
    active: boolean;
    channels: Channel[];
  };
  channel: Channel;
  erased: boolean;
  contact: { email: boolean; phone: boolean; post: boolean };
  basis: BasisCase;
  consent: ConsentCase;
  subscription: SubscriptionCase;
  objection: ObjectionCase;
  restriction: RestrictionCase;
  seed: number;
}

// ---------------------------------------------------------------------------------------------------
// The reference table: what each generated state means, and the order in which reasons are given.
// ---------------------------------------------------------------------------------------------------

const CONSENT_MEANS: Record<ConsentCase, 'none' | 'given' | 'withdrawn' | 'expired'> = {
  none: 'none',
  given: 'given',
  'given-expiring-later': 'given',
  withdrawn: 'withdrawn',
  'expired-event': 'expired',
  'expired-by-date': 'expired',
  'withdrawn-then-renewed': 'given',
  'given-other-purpose': 'none',
};
const SUBSCRIPTION_MEANS: Record<SubscriptionCase, 'none' | 'subscribed' | 'unsubscribed' | 'pending'> = {
  none: 'none',
  subscribed: 'subscribed',
  unsubscribed: 'unsubscribed',
  pending: 'pending',
  confirmed: 'subscribed',
  'unsubscribed-then-import': 'unsubscribed',
  'unsubscribed-then-web-form': 'subscribed',
  'late-stale-subscribe': 'unsubscribed',
};
const RESTRICTED: Record<RestrictionCase, boolean> = {
  none: false,
  restricted: true,
  lifted: false,
  'restricted-in-future': false,
};

const expected = (c: Case): ExclusionReason | 'eligible' => {
  if (c.erased) return 'erased';
  if (RESTRICTED[c.restriction]) return 'restricted';
  if (!c.purpose.active || !c.purpose.channels.includes(c.channel)) return 'channel-not-allowed';
  const basis =
    c.basis === 'cleared'
      ? null
      : c.basis !== 'unrecorded'
        ? c.basis
        : c.purpose.appliesToAll || c.purpose.lawfulBasis === 'consent'
          ? c.purpose.lawfulBasis
          : null;
  if (basis === null) return 'no-basis';
  const objected =
    c.objection === 'objected-purpose' ||
    (c.objection === 'objected-marketing' && c.purpose.directMarketing) ||
    (c.objection === 'overridden' && c.purpose.directMarketing);
  if (objected) return 'objected';
  if (basis === 'consent') {
    const consent = CONSENT_MEANS[c.consent];
    if (consent === 'none') return 'consent-missing';
    if (consent === 'withdrawn') return 'consent-withdrawn';
    if (consent === 'expired') return 'consent-expired';
  }
  if (c.purpose.requiresSubscription) {
    const sub = SUBSCRIPTION_MEANS[c.subscription];
    if (sub === 'unsubscribed') return 'unsubscribed';
    if (sub !== 'subscribed') return 'not-subscribed';
  }
  const contact =
    c.channel === 'email'
      ? c.contact.email
      : c.channel === 'post'
        ? c.contact.post
        : c.channel === 'in_person'
          ? true
          : c.contact.phone;
  return contact ? 'eligible' : 'no-contact-for-channel';
};

// ---------------------------------------------------------------------------------------------------
// Turning a case into ledgers
// ---------------------------------------------------------------------------------------------------

let counter = 0;
const id = () => `e${(counter++).toString(36).padStart(10, '0')}`;
const entry = <P>(data: P): LedgerEntry<P> => ({ id: id(), data });

const consentEvent = (
  type: ConsentEventPayload['type'],
  at: number,
  extra: Partial<ConsentEventPayload> = {},
) =>
  entry<ConsentEventPayload>({
    purposeId: PURPOSE_ID,
    type,
    at,
    method: 'web_form',
    noticeId: null,
    noticeVersion: '1',
    evidence: { text: '', reference: 'form-1', file: null },
    expiresAt: null,
    batchId: null,
    ...who,
    ...extra,
  });

const consents: Record<ConsentCase, () => LedgerEntry<ConsentEventPayload>[]> = {
  none: () => [],
  given: () => [consentEvent('given', NOW - 10 * DAY)],
  'given-expiring-later': () => [consentEvent('given', NOW - 10 * DAY, { expiresAt: NOW + 10 * DAY })],
  withdrawn: () => [consentEvent('given', NOW - 10 * DAY), consentEvent('withdrawn', NOW - 5 * DAY)],
  'expired-event': () => [consentEvent('given', NOW - 10 * DAY), consentEvent('expired', NOW - 2 * DAY)],
  'expired-by-date': () => [consentEvent('given', NOW - 10 * DAY, { expiresAt: NOW - DAY })],
  'withdrawn-then-renewed': () => [
    consentEvent('given', NOW - 10 * DAY),
    consentEvent('withdrawn', NOW - 5 * DAY),
    consentEvent('renewed', NOW - 3 * DAY),
  ],
  'given-other-purpose': () => [consentEvent('given', NOW - 10 * DAY, { purposeId: OTHER_PURPOSE })],
};

const subEvent = (
  type: SubscriptionEventPayload['type'],
  at: number,
  origin: SubscriptionEventPayload['origin'] = 'manual',
) =>
  entry<SubscriptionEventPayload>({
    subscriptionTypeId: LIST,
    type,
    at,
    origin,
    requestedAt: type === 'pending' ? at : null,
    evidence: { text: 'asked at the stand', reference: '', file: null },
    batchId: null,
    ...who,
  });

const subscriptions: Record<SubscriptionCase, () => LedgerEntry<SubscriptionEventPayload>[]> = {
  none: () => [],
  subscribed: () => [subEvent('subscribed', NOW - 9 * DAY)],
  unsubscribed: () => [subEvent('subscribed', NOW - 9 * DAY), subEvent('unsubscribed', NOW - 4 * DAY)],
  pending: () => [subEvent('pending', NOW - 9 * DAY)],
  confirmed: () => [subEvent('pending', NOW - 9 * DAY), subEvent('confirmed', NOW - 8 * DAY)],
  'unsubscribed-then-import': () => [
    subEvent('subscribed', NOW - 9 * DAY),
    subEvent('unsubscribed', NOW - 4 * DAY),
    subEvent('subscribed', NOW - 2 * DAY, 'import'),
    subEvent('subscribed', NOW - DAY, 'bulk'),
  ],
  'unsubscribed-then-web-form': () => [
    subEvent('unsubscribed', NOW - 4 * DAY),
    subEvent('subscribed', NOW - 2 * DAY, 'web_form'),
  ],
  // Written offline before the unsubscribe, synced after it: it lands where it happened.
  'late-stale-subscribe': () => [
    subEvent('unsubscribed', NOW - 4 * DAY),
    subEvent('subscribed', NOW - 6 * DAY),
  ],
};

const objection = (type: ObjectionPayload['type'], scope: ObjectionPayload['scope'], at: number) =>
  entry<ObjectionPayload>({
    type,
    scope,
    purposeId: scope === 'purpose' ? PURPOSE_ID : null,
    at,
    method: 'email',
    grounds: type === 'overridden' ? 'Fraud prevention outweighs' : '',
    requestId: null,
    ...who,
  });

const objections: Record<ObjectionCase, () => LedgerEntry<ObjectionPayload>[]> = {
  none: () => [],
  'objected-purpose': () => [objection('objected', 'purpose', NOW - 3 * DAY)],
  'objected-marketing': () => [objection('objected', 'direct_marketing', NOW - 3 * DAY)],
  overridden: () => [
    objection('objected', 'purpose', NOW - 3 * DAY),
    objection('overridden', 'purpose', NOW - 2 * DAY),
  ],
  lifted: () => [
    objection('objected', 'purpose', NOW - 3 * DAY),
    objection('lifted', 'purpose', NOW - 2 * DAY),
  ],
};

const restriction = (type: RestrictionPayload['type'], at: number) =>
  entry<RestrictionPayload>({ type, reason: 'accuracy_contested', at, requestId: null, note: '', ...who });

const restrictions: Record<RestrictionCase, () => LedgerEntry<RestrictionPayload>[]> = {
  none: () => [],
  restricted: () => [restriction('restricted', NOW - DAY)],
  lifted: () => [restriction('restricted', NOW - 3 * DAY), restriction('lifted', NOW - DAY)],
  'restricted-in-future': () => [restriction('restricted', NOW + DAY)],
};

const bases = (c: BasisCase): LedgerEntry<PurposeBasisPayload>[] =>
  c === 'unrecorded'
    ? []
    : [
        // An older, different entry first: the latest wins.
        entry<PurposeBasisPayload>({
          purposeId: PURPOSE_ID,
          basis: 'contract',
          note: '',
          at: NOW - 20 * DAY,
          batchId: null,
          ...who,
        }),
        entry<PurposeBasisPayload>({
          purposeId: PURPOSE_ID,
          basis: c === 'cleared' ? null : c,
          note: '',
          at: NOW - 7 * DAY,
          batchId: null,
          ...who,
        }),
      ];

/** A deterministic shuffle: arrival order must not matter. */
const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const factsOf = (c: Case): PersonFacts => ({
  personId: 'p0000000001',
  erased: c.erased,
  contact: c.contact,
  bases: shuffled(bases(c.basis), c.seed),
  consents: shuffled(consents[c.consent](), c.seed + 1),
  subscriptions: shuffled(subscriptions[c.subscription](), c.seed + 2),
  objections: shuffled(objections[c.objection](), c.seed + 3),
  restrictions: shuffled(restrictions[c.restriction](), c.seed + 4),
});

const purposeOf = (c: Case): PurposePayload =>
  PurposeSchema.parse({
    name: { en: 'Purpose', nl: 'Doel' },
    description: { en: '', nl: '' },
    balancingTest: 'Balanced',
    ...c.purpose,
  });

const caseArb: fc.Arbitrary<Case> = fc.record({
  purpose: fc.record({
    lawfulBasis: fc.constantFrom(...LAWFUL_BASES),
    appliesToAll: fc.boolean(),
    directMarketing: fc.boolean(),
    requiresSubscription: fc.boolean(),
    active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0), // mostly active
    channels: fc.subarray([...CHANNELS], { minLength: 0 }),
  }),
  channel: fc.constantFrom(...CHANNELS),
  erased: fc.boolean(),
  contact: fc.record({ email: fc.boolean(), phone: fc.boolean(), post: fc.boolean() }),
  basis: fc.constantFrom<BasisCase>('unrecorded', 'cleared', ...LAWFUL_BASES),
  consent: fc.constantFrom(...CONSENT_CASES),
  subscription: fc.constantFrom(...SUBSCRIPTION_CASES),
  objection: fc.constantFrom(...OBJECTION_CASES),
  restriction: fc.constantFrom(...RESTRICTION_CASES),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

const decide = (c: Case) => {
  const decision = decideEligibility(
    {
      purpose: { id: PURPOSE_ID, data: purposeOf(c) },
      channel: c.channel,
      now: NOW,
      subscriptionTypeIds: [LIST],
    },
    factsOf(c),
  );
  return decision.eligible ? 'eligible' : decision.reason;
};

describe('purpose gate (property)', () => {
  it('decides every generated person as the reference table says, in any arrival order', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(decide(c)).toBe(expected(c));
      }),
      { seed: 20261129, numRuns: 5000 },
    );
  });

  it('decides every combination of basis, consent, subscription, objection, restriction and erasure', () => {
    const purposes: Case['purpose'][] = [
      {
        lawfulBasis: 'consent',
        appliesToAll: false,
        directMarketing: true,
        requiresSubscription: true,
        active: true,
        channels: ['email'],
      },
      {
        lawfulBasis: 'legitimate_interests',
        appliesToAll: true,
        directMarketing: false,
        requiresSubscription: false,
        active: true,
        channels: ['email'],
      },
      {
        lawfulBasis: 'contract',
        appliesToAll: false,
        directMarketing: false,
        requiresSubscription: true,
        active: true,
        channels: ['email'],
      },
    ];
    const basisCases: BasisCase[] = ['unrecorded', 'cleared', ...LAWFUL_BASES];
    let checked = 0;
    for (const purpose of purposes)
      for (const basis of basisCases)
        for (const consent of CONSENT_CASES)
          for (const subscription of SUBSCRIPTION_CASES)
            for (const objection of OBJECTION_CASES)
              for (const restriction of RESTRICTION_CASES)
                for (const erased of [false, true]) {
                  const c: Case = {
                    purpose,
                    channel: 'email',
                    erased,
                    contact: { email: true, phone: false, post: false },
                    basis,
                    consent,
                    subscription,
                    objection,
                    restriction,
                    seed: checked + 1,
                  };
                  if (decide(c) !== expected(c))
                    expect({ case: c, decision: decide(c) }).toEqual({ case: c, decision: expected(c) });
                  checked++;
                }
    expect(checked).toBe(3 * 8 * 8 * 8 * 5 * 4 * 2);
  });

  it('reaches every reason and eligibility among the generated people', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseArb, (c) => {
        seen.add(decide(c));
      }),
      { seed: 7, numRuns: 5000 },
    );
    // Every reason the gate can give (its own list), and eligible.
    expect([...seen].sort()).toEqual(['eligible', ...EXCLUSION_REASONS].sort());
  });

  it('gives the same decision on two devices holding the same entries in a different order', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1_000_000 }), (c, other) => {
        expect(decide({ ...c, seed: other })).toBe(decide(c));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
