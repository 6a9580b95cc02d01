import { describe, expect, it } from 'vitest';
import { DEFAULT_PURPOSES } from '../../../../shared/consent/defaults';
import { consentStatus, subscriptionStatus } from '../../../../shared/consent/derive';
import { explainPurpose } from '../../../../shared/consent/gate';
import { expiringConsents } from '../../../../shared/consent/ledgers';
import type { ConsentEventPayload, SubscriptionEventPayload } from '../../../../shared/consent/types';
import { isRestricted } from '../../../../shared/restriction/restriction-ledger';
import { decideSubscribe } from '../../../../shared/consent/subscriptions';
import { PurposePayload } from '../../../../shared/purposes/purposes';
import type { LedgerEntry } from '../../../../shared/purposes/ledger';

const who = { recordedBy: 'u1', deviceId: 'd1' };
const LIST = 'subscription-newsletter';
const sub = (
  id: string,
  type: SubscriptionEventPayload['type'],
  at: number,
  origin: SubscriptionEventPayload['origin'] = 'manual',
): LedgerEntry<SubscriptionEventPayload> => ({
  id,
  data: {
    subscriptionTypeId: LIST,
    type,
    at,
    origin,
    requestedAt: type === 'pending' ? at : null,
    evidence: { text: '', reference: '', file: null },
    batchId: null,
    ...who,
  },
});
const consent = (
  id: string,
  type: ConsentEventPayload['type'],
  at: number,
  expiresAt: number | null = null,
): LedgerEntry<ConsentEventPayload> => ({
  id,
  data: {
    purposeId: 'purpose-e-marketing',
    type,
    at,
    method: 'paper',
    noticeId: null,
    noticeVersion: '',
    evidence: { text: '', reference: '', file: null },
    expiresAt,
    batchId: null,
    ...who,
  },
});

describe('subscription state', () => {
  it('keeps an unsubscribe when an import or a bulk update subscribes afterwards', () => {
    const ledger = [
      sub('a', 'subscribed', 1),
      sub('b', 'unsubscribed', 2),
      sub('c', 'subscribed', 3, 'import'),
    ];
    ledger.push(sub('d', 'subscribed', 4, 'bulk'), sub('e', 'pending', 5, 'business_card'));
    expect(subscriptionStatus(ledger, LIST, 10).state).toBe('unsubscribed');
  });

  it('does not let a stale subscribe synced late from an offline device override a later unsubscribe', () => {
    const arrived = [sub('z-unsub', 'unsubscribed', 200), sub('a-offline', 'subscribed', 100)];
    expect(subscriptionStatus(arrived, LIST, 300)).toMatchObject({
      state: 'unsubscribed',
      eventId: 'z-unsub',
    });
    expect(subscriptionStatus([...arrived].reverse(), LIST, 300).state).toBe('unsubscribed');
  });

  it('breaks ties at the same time by id, so every device derives the same state', () => {
    const tie = [sub('b', 'unsubscribed', 100), sub('a', 'subscribed', 100)];
    expect(subscriptionStatus(tie, LIST, 100).state).toBe('unsubscribed');
    expect(subscriptionStatus([...tie].reverse(), LIST, 100).state).toBe('unsubscribed');
  });

  it('completes a double opt-in only on confirmation, keeping request and confirmation times', () => {
    const ledger = [sub('a', 'pending', 10, 'web_form')];
    expect(subscriptionStatus(ledger, LIST, 20).state).toBe('pending');
    ledger.push(sub('b', 'confirmed', 30, 'web_form'));
    expect(subscriptionStatus(ledger, LIST, 40)).toMatchObject({
      state: 'subscribed',
      requestedAt: 10,
      confirmedAt: 30,
    });
    // A confirmation without a pending request does nothing.
    expect(subscriptionStatus([sub('c', 'confirmed', 5)], LIST, 40).state).toBe('none');
  });

  it('lets the person subscribe again by their own request', () => {
    const ledger = [sub('a', 'unsubscribed', 1), sub('b', 'subscribed', 2, 'web_form')];
    expect(subscriptionStatus(ledger, LIST, 3).state).toBe('subscribed');
  });

  it('refuses an import or bulk subscribe of an unsubscribed person, and a manual one without evidence', () => {
    const ledger = [sub('a', 'unsubscribed', 1)];
    for (const origin of ['import', 'bulk', 'business_card'] as const)
      expect(decideSubscribe(ledger, { subscriptionTypeId: LIST, origin }, false, 5)).toEqual({
        action: 'skip',
        reason: 'unsubscribed',
      });
    expect(decideSubscribe(ledger, { subscriptionTypeId: LIST, origin: 'manual' }, false, 5)).toEqual({
      action: 'skip',
      reason: 'evidence-required',
    });
    expect(
      decideSubscribe(
        ledger,
        { subscriptionTypeId: LIST, origin: 'manual', evidence: { text: 'Asked by phone on 3 May' } },
        true,
        5,
      ),
    ).toEqual({ action: 'write', type: 'pending' });
    expect(decideSubscribe([], { subscriptionTypeId: LIST, origin: 'import' }, false, 5)).toEqual({
      action: 'write',
      type: 'subscribed',
    });
  });
});

describe('consent state', () => {
  it('expires at its expiry time without an expired event', () => {
    const ledger = [consent('a', 'given', 100, 200)];
    expect(consentStatus(ledger, 'purpose-e-marketing', 199).state).toBe('given');
    expect(consentStatus(ledger, 'purpose-e-marketing', 200)).toMatchObject({ state: 'expired', since: 200 });
  });

  it('ignores events that have not happened yet at the asked time', () => {
    const ledger = [consent('a', 'given', 100), consent('b', 'withdrawn', 500)];
    expect(consentStatus(ledger, 'purpose-e-marketing', 300).state).toBe('given');
    expect(consentStatus(ledger, 'purpose-e-marketing', 500).state).toBe('withdrawn');
  });

  it('lists consents that run out within the asked number of days (re-permission list)', () => {
    const day = 86_400_000;
    const ledgers = new Map([
      ['p1', [consent('a', 'given', 0, 20 * day)]],
      ['p2', [consent('b', 'given', 0, 80 * day)]],
      ['p3', [consent('c', 'given', 0, 5 * day), consent('d', 'withdrawn', day)]],
    ]);
    expect(expiringConsents(ledgers, day, 30).map((e) => e.personId)).toEqual(['p1']);
    expect(expiringConsents(ledgers, day, 90).map((e) => e.personId)).toEqual(['p1', 'p2']);
  });
});

describe('restriction marker', () => {
  it('follows the latest marker at the asked time', () => {
    const r = (id: string, type: 'restricted' | 'lifted', at: number) => ({
      id,
      data: { type, reason: 'legal_claims' as const, at, requestId: null, note: '', ...who },
    });
    const ledger = [r('b', 'lifted', 20), r('a', 'restricted', 10)];
    expect(isRestricted(ledger, 5)).toBe(false);
    expect(isRestricted(ledger, 15)).toBe(true);
    expect(isRestricted(ledger, 25)).toBe(false);
  });
});

describe('explaining a purpose for a person', () => {
  it('says which basis applies, from where, and why a purpose is not lawful', () => {
    const [sales, marketing] = DEFAULT_PURPOSES.map((p) => ({
      id: p.id,
      data: PurposePayload.parse(p.data),
    }));
    const empty = { bases: [], consents: [], objections: [], restrictions: [] };
    expect(explainPurpose(empty, sales!, 10)).toMatchObject({
      basis: { basis: 'legitimate_interests', source: 'register' },
      lawful: true,
      reason: null,
    });
    expect(explainPurpose(empty, marketing!, 10)).toMatchObject({ lawful: false, reason: 'consent-missing' });
    const given = { ...empty, consents: [consent('a', 'given', 5)] };
    expect(explainPurpose(given, marketing!, 10)).toMatchObject({
      lawful: true,
      consent: { state: 'given', eventId: 'a' },
    });
  });
});
