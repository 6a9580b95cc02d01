import { describe, expect, it } from 'vitest';
import { recordRestriction } from '../../../shared/restriction';
import { recordObjection } from '../../../shared/objection';
import {
  PURPOSE_CONTRACT_ADMINISTRATION,
  PURPOSE_E_MARKETING,
  PURPOSE_SALES_SERVICE,
  SUBSCRIPTION_NEWSLETTER,
} from '../../../shared/consent/defaults';
import { runGate, recordConsent, withdrawConsent, subscribe } from '../../../shared/consent';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { Session } from '../../../shared/vault/session';
import {
  auditTrail,
  useConsentVaults,
  somePerson,
  subscribedMember,
  eMarketing,
  aboutPerson,
} from './support';

const open = useConsentVaults();

const LIST = SUBSCRIPTION_NEWSLETTER;
const member = async (session: Session, n: number) => (await subscribedMember(session, n)).id;

describe('runGate: the campaign list for a purpose and channel', () => {
  it('lists only people who may be contacted, says why the others are left out, and audits the export', async () => {
    const session = await open();
    const ok = await member(session, 1);
    const withdrawn = await member(session, 2);
    await withdrawConsent(session, LOCAL_ACTOR, { ...eMarketing(withdrawn), method: 'email' });
    const objected = await member(session, 3);
    await recordObjection(session, LOCAL_ACTOR, {
      ...aboutPerson(objected),
      type: 'objected',
      scope: 'direct_marketing',
      method: 'email',
    });
    const restricted = await member(session, 4);
    await recordRestriction(session, LOCAL_ACTOR, {
      ...aboutPerson(restricted),
      type: 'restricted',
      reason: 'accuracy_contested',
    });
    const noConsent = (await session.people.create(somePerson(5))).id;
    const noEmail = await member(session, 6);
    await session.people.update(noEmail, (p) => ({ ...p, emails: [] }));
    const pendingOnly = (await session.people.create(somePerson(7))).id;
    await recordConsent(session, LOCAL_ACTOR, { ...eMarketing(pendingOnly), type: 'given', method: 'paper' });
    await subscribe(session, LOCAL_ACTOR, {
      ...aboutPerson(pendingOnly),
      subscriptionTypeId: LIST,
      origin: 'manual',
    });
    const erased = await member(session, 8);
    await session.people.remove(erased);

    const progress: number[] = [];
    const result = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      subscriptionTypeId: LIST,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.eligible).toEqual([ok]);
    expect(new Map(result.excluded.map((e) => [e.personId, e.reason]))).toEqual(
      new Map([
        [withdrawn, 'consent-withdrawn'],
        [objected, 'objected'],
        [restricted, 'restricted'],
        [noConsent, 'consent-missing'],
        [noEmail, 'no-contact-for-channel'],
        [pendingOnly, 'not-subscribed'],
      ]),
    );
    expect(progress.at(-1)).toBe(7);

    // Checking the list on screen is a view; the file is an export only once written (campaign-export.test.ts).
    const views = (await auditTrail(session)).filter((e) => e.kind === 'campaign-list');
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({
      action: 'view',
      kind: 'campaign-list',
      recordIds: [ok],
      purposeId: PURPOSE_E_MARKETING,
      details: {
        channel: 'email',
        eligible: 1,
        excluded: 6,
        'consent-withdrawn': 1,
        objected: 1,
        restricted: 1,
      },
    });
  });

  it('says erased for a chosen person who is no longer here, and channel-not-allowed outside the purpose', async () => {
    const session = await open();
    const a = (await session.people.create(somePerson(1))).id;
    const b = (await session.people.create(somePerson(2))).id;
    await session.people.remove(b);
    const sms = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_SALES_SERVICE,
      channel: 'sms',
      personIds: [a, b],
    });
    expect(sms.excluded).toEqual([
      { personId: a, reason: 'channel-not-allowed' },
      { personId: b, reason: 'erased' },
    ]);
    // Legitimate interests applies to everyone by the register; contract needs a basis per person.
    expect(
      (await runGate(session, LOCAL_ACTOR, { purposeId: PURPOSE_SALES_SERVICE, channel: 'email' })).eligible,
    ).toEqual([a]);
    expect(
      (await runGate(session, LOCAL_ACTOR, { purposeId: PURPOSE_CONTRACT_ADMINISTRATION, channel: 'email' }))
        .excluded,
    ).toEqual([{ personId: a, reason: 'no-basis' }]);
  });
});
