// A consent withdrawn after the confirmation left is not given back by a click on that message's /c/ link
// (helper-66's review of issue 17). Sending refuses a person who withdrew ("the person said stop"), but the
// token already sent stayed open, and its click wrote "given, web form" after the withdrawal. Whoever holds
// the link can post it: the server once a mail filter's scanner fetched it (README's threat model), whoever
// the mail was forwarded to. Played here as such a holder posting the link to the real server.
import { describe, expect, it } from 'vitest';
import {
  loadPersonLedgers,
  recordLinkClicks,
  subscriptionStatus,
  consentStatus,
  recordConsent,
  withdrawConsent,
} from '../../../shared/consent';
import { PURPOSE_E_MARKETING } from '../../../shared/consent/defaults';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { adminAndPerson, confirmationTo, LIST, signUp, useLinkPlace } from './link-organisation';

const { place } = useLinkPlace();

/** An admin's device, a person who gave consent and is pending the newsletter, the message, then a stop. */
const withdrawnAfterSending = async () => {
  const { a, person, recordedBy, linkServer } = await adminAndPerson(place);
  const about = { recordedBy, personId: person.id };
  await recordConsent(a.session, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  });
  await signUp(a.session, recordedBy, person.id);
  const sent = await confirmationTo(a.session, person.id, linkServer);
  // The person phones: stop. The withdrawal is recorded after the message left.
  await withdrawConsent(a.session, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    method: 'phone',
  });
  return { a, person, about, linkServer, recordedBy, sent };
};

describe('a withdrawal after the confirmation was sent', () => {
  it('is not overturned by a later click on the old link', async () => {
    const { a, person, linkServer, recordedBy, sent } = await withdrawnAfterSending();
    // Someone holding the link posts it afterwards; the server takes it as it takes any click.
    expect((await fetch(sent.confirmUrl, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    const { consents, subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(consentStatus(consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('withdrawn');
    expect(consents.map((e) => e.data.type)).toEqual(['given', 'withdrawn']);
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('pending');
  });

  it('lets the old link confirm once the person gave consent again', async () => {
    const { a, person, about, linkServer, recordedBy, sent } = await withdrawnAfterSending();
    await recordConsent(a.session, LOCAL_ACTOR, {
      ...about,
      purposeId: PURPOSE_E_MARKETING,
      type: 'given',
      method: 'phone',
    });
    expect((await fetch(sent.confirmUrl, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    const { consents, subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(consentStatus(consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('given');
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('subscribed');
  });
});
