// The purpose gate, as a pure decision: may this person be contacted for this purpose on this channel
// now? Checks run in the order of EXCLUSION_REASONS and the first that applies is the reason given, so the
// result is the same on every device and can be explained to the person and the supervisory authority.
import { basisStatus, consentStatus, isRestricted, objectionState, subscriptionStatus } from './derive';
import type { Channel, GateDecision, GateQuery, PersonFacts } from './types';

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
