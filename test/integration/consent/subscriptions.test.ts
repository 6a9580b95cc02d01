import { afterEach, describe, expect, it } from 'vitest';
import { bulkUpdate, planBulkUpdate } from '../../../shared/consent/bulk';
import { PURPOSE_E_MARKETING, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import { subscriptionStatus } from '../../../shared/consent/derive';
import {
  confirmSubscription,
  loadPersonLedgers,
  recordConsent,
  subscribe,
  unsubscribe,
} from '../../../shared/consent/ledgers';
import { runGate } from '../../../shared/consent/run-gate';
import { SUBSCRIPTION_EVENT } from '../../../shared/consent/types';
import type { KluisDatabase } from '../../../shared/store/database';
import type { Session } from '../../../shared/vault/session';
import { ACTOR, openVault, somePerson } from './support';

let db: KluisDatabase | undefined;
afterEach(async () => {
  await db?.remove();
  db = undefined;
});

const LIST = SUBSCRIPTION_NEWSLETTER;
const state = async (session: Session, personId: string) =>
  subscriptionStatus((await loadPersonLedgers(session, personId)).subscriptions, LIST, Date.now()).state;

const subscribedMember = async (session: Session, n: number) => {
  const person = await session.people.create(somePerson(n));
  await recordConsent(session, ACTOR, person.id, {
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  });
  await subscribe(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'web_form' });
  await confirmSubscription(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'web_form' });
  return person;
};

describe('subscriptions: an unsubscribe holds until the person subscribes again', () => {
  it('subscribes with double opt-in: pending with its request time, then subscribed on confirmation', async () => {
    const vault = await openVault();
    db = vault.db;
    const person = await vault.session.people.create(somePerson(1));
    expect(
      await subscribe(vault.session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'web_form' }),
    ).toMatchObject({
      status: 'written',
      type: 'pending',
    });
    expect(await state(vault.session, person.id)).toBe('pending');
    await confirmSubscription(vault.session, ACTOR, person.id, {
      subscriptionTypeId: LIST,
      origin: 'web_form',
    });
    expect(await state(vault.session, person.id)).toBe('subscribed');
  });

  it('keeps an unsubscribed person unsubscribed after an import and a bulk update that would subscribe them', async () => {
    const vault = await openVault();
    db = vault.db;
    const { session } = vault;
    const person = await subscribedMember(session, 2);
    const other = await session.people.create(somePerson(3));
    await unsubscribe(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'email' });

    expect(
      await subscribe(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'import' }),
    ).toEqual({
      status: 'skipped',
      reason: 'unsubscribed',
    });
    const plan = await planBulkUpdate(session, [person.id, other.id], {
      type: 'subscribe',
      subscriptionTypeId: LIST,
    });
    expect(plan.change).toEqual([other.id]);
    expect(plan.skipped).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);
    const report = await bulkUpdate(session, ACTOR, [person.id, other.id], {
      type: 'subscribe',
      subscriptionTypeId: LIST,
    });
    expect(report.changed).toEqual([other.id]);
    expect(report.skipped).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);

    expect(await state(session, person.id)).toBe('unsubscribed');
    expect(await state(session, other.id)).toBe('pending');
    const gate = await runGate(session, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      personIds: [person.id],
    });
    expect(gate.excluded).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);
  });

  it('lets a late-synced older subscribe from an offline device change nothing', async () => {
    const vault = await openVault();
    db = vault.db;
    const { session } = vault;
    const person = await subscribedMember(session, 4);
    const unsubscribedAt = Date.now();
    await unsubscribe(session, ACTOR, person.id, {
      subscriptionTypeId: LIST,
      origin: 'manual',
      at: unsubscribedAt,
    });
    // What sync delivers from device B, written there an hour before the unsubscribe.
    await session.items(SUBSCRIPTION_EVENT).create(person.id, {
      subscriptionTypeId: LIST,
      type: 'subscribed',
      at: unsubscribedAt - 3_600_000,
      origin: 'manual',
      evidence: { text: 'Asked at the stand' },
      recordedBy: 'user-b',
      deviceId: 'device-b',
    });
    expect(await state(session, person.id)).toBe('unsubscribed');
  });

  it('re-subscribes only on the person’s own request, with evidence for a manual entry', async () => {
    const vault = await openVault();
    db = vault.db;
    const { session } = vault;
    const person = await subscribedMember(session, 5);
    await unsubscribe(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'web_form' });
    expect(
      await subscribe(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'manual' }),
    ).toEqual({
      status: 'skipped',
      reason: 'evidence-required',
    });
    expect(
      await subscribe(session, ACTOR, person.id, {
        subscriptionTypeId: LIST,
        origin: 'manual',
        evidence: { text: 'Asked by phone to receive the newsletter again' },
      }),
    ).toMatchObject({ status: 'written', type: 'pending' });
    await confirmSubscription(session, ACTOR, person.id, { subscriptionTypeId: LIST, origin: 'web_form' });
    expect(await state(session, person.id)).toBe('subscribed');
  });
});
