// The purpose gate, as a pure decision: may this person be contacted for this purpose on this channel
// now? Checks run in the order of EXCLUSION_REASONS and the first that applies is the reason given, so the
// result is the same on every device and can be explained to the person and the supervisory authority.
import { consentStatus, subscriptionStatus } from './derive';
import type { ConsentStatus, ExclusionReason, GateDecision, GateQuery, PersonFacts } from './types';
import { basisStatus } from '../purposes';
import { isRestricted } from '../restriction';
import { objectionState } from '../objection';
import type { BasisStatus } from '../purposes';
import type { Channel } from '../purposes';
import type { ObjectionState } from '../objection';

const hasContact = (facts: PersonFacts, channel: Channel): boolean => {
  switch (channel) {
    case 'email':
      return facts.contact.email;
    case 'phone':
    case 'sms':
      return facts.contact.phone;
    case 'post':
      return facts.contact.post;
    case 'in_person':
      return true;
  }
};

export const decideEligibility = (query: GateQuery, facts: PersonFacts): GateDecision => {
  const { purpose, channel, now } = query;
  const out = (reason: Exclude<GateDecision, { eligible: true }>['reason']): GateDecision => ({
    eligible: false,
    reason,
  });
  if (facts.erased) return out('erased');
  if (isRestricted(facts.restrictions, now)) return out('restricted');
  if (!purpose.data.active || !purpose.data.channels.includes(channel)) return out('channel-not-allowed');
  const { basis } = basisStatus(facts.bases, purpose, now);
  if (basis === null) return out('no-basis');
  if (objectionState(facts.objections, purpose, now) === 'objected') return out('objected');
  if (basis === 'consent') {
    const consent = consentStatus(facts.consents, purpose.id, now).state;
    if (consent === 'none') return out('consent-missing');
    if (consent === 'withdrawn') return out('consent-withdrawn');
    if (consent === 'expired') return out('consent-expired');
  }
  if (purpose.data.requiresSubscription) {
    const states = query.subscriptionTypeIds.map(
      (t) => subscriptionStatus(facts.subscriptions, t, now).state,
    );
    if (!states.includes('subscribed'))
      return out(states.includes('unsubscribed') ? 'unsubscribed' : 'not-subscribed');
  }
  if (!hasContact(facts, channel)) return out('no-contact-for-channel');
  return { eligible: true };
};

export interface PurposeExplanation {
  readonly purposeId: string;
  readonly basis: BasisStatus;
  /** The consent ledger's state, for a purpose whose basis is consent; null otherwise. */
  readonly consent: ConsentStatus | null;
  readonly objection: ObjectionState;
  readonly restricted: boolean;
  /** Whether processing for this purpose is lawful now, before channel and list checks. */
  readonly lawful: boolean;
  readonly reason: Extract<
    ExclusionReason,
    'restricted' | 'no-basis' | 'objected' | 'consent-missing' | 'consent-withdrawn' | 'consent-expired'
  > | null;
}

/** Why a purpose is (or is not) lawful for one person now: what the admin shows on the person's page. */
export const explainPurpose = (
  ledgers: Pick<PersonFacts, 'bases' | 'consents' | 'objections' | 'restrictions'>,
  purpose: GateQuery['purpose'],
  now: number,
): PurposeExplanation => {
  const basis = basisStatus(ledgers.bases, purpose, now);
  const consent = basis.basis === 'consent' ? consentStatus(ledgers.consents, purpose.id, now) : null;
  const objection = objectionState(ledgers.objections, purpose, now);
  const restricted = isRestricted(ledgers.restrictions, now);
  const reason: PurposeExplanation['reason'] = restricted
    ? 'restricted'
    : basis.basis === null
      ? 'no-basis'
      : objection === 'objected'
        ? 'objected'
        : consent?.state === 'none'
          ? 'consent-missing'
          : consent?.state === 'withdrawn'
            ? 'consent-withdrawn'
            : consent?.state === 'expired'
              ? 'consent-expired'
              : null;
  return { purposeId: purpose.id, basis, consent, objection, restricted, lawful: reason === null, reason };
};
