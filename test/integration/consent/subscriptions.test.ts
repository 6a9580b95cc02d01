import { describe, expect, it } from 'vitest';
import { bulkUpdate, planBulkUpdate } from '../../../shared/bulk';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { PURPOSE_E_MARKETING, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import { subscriptionStatus } from '../../../shared/consent/derive';
import { loadPersonLedgers } from '../../../shared/consent/ledgers';
import { runGate, confirmSubscription, subscribe, unsubscribe } from '../../../shared/consent';
import {
  SUBSCRIPTION_EVENT,
  type SubscribeRequest,
  type SubscriptionOrigin,
} from '../../../shared/consent/types';
import type { Session } from '../../../shared/vault/session';
import { analyse, readFile } from '../../../shared/import/analyse';
import { commitImport } from '../../../shared/import';
import { mergeCandidates } from '../../../shared/import';
import { planImport } from '../../../shared/import/plan';
import { ACTOR, useConsentVaults, somePerson, subscribedMember } from './support';

const open = useConsentVaults();

const LIST = SUBSCRIPTION_NEWSLETTER;

/** somePerson(2) again (same email), with a job title, and a newcomer. */
const FAIR_LIST = [
  'Voornaam;Achternaam;E-mail;Functie',
  'Gerrit2;Zeldzaamnaam2;gerrit2@zeldzaam.example;Inkoper',
  'Wim;Nieuwkomer;wim@nieuwkomer.example;Verkoper',
].join('\r\n');
/** What a subscribe, confirm or unsubscribe for the person on the newsletter says, besides `more`. */
const about = (
  person: { id: string },
  origin: SubscriptionOrigin,
  more: Pick<SubscribeRequest, 'evidence' | 'at'> = {},
) => ({ recordedBy: ACTOR, personId: person.id, subscriptionTypeId: LIST, origin, ...more });
/** subscribedMember(n), who then unsubscribed from the newsletter. */
const unsubscribedMember = async (session: Session, n: number, origin: SubscriptionOrigin) => {
  const person = await subscribedMember(session, n);
  await unsubscribe(session, LOCAL_ACTOR, about(person, origin));
  return person;
};
const state = async (session: Session, personId: string) =>
  subscriptionStatus((await loadPersonLedgers(session, personId)).subscriptions, LIST, Date.now()).state;

describe('subscriptions: an unsubscribe holds until the person subscribes again', () => {
  it('subscribes with double opt-in: pending with its request time, then subscribed on confirmation', async () => {
    const session = await open();
    const person = await session.people.create(somePerson(1));
    expect(await subscribe(session, LOCAL_ACTOR, about(person, 'web_form'))).toMatchObject({
      status: 'written',
      type: 'pending',
    });
    expect(await state(session, person.id)).toBe('pending');
    await confirmSubscription(session, LOCAL_ACTOR, about(person, 'web_form'));
    expect(await state(session, person.id)).toBe('subscribed');
  });

  it('keeps an unsubscribed person unsubscribed through a real import of a list holding them, and a bulk subscribe of that list', async () => {
    const session = await open();
    const person = await unsubscribedMember(session, 2, 'email');
    expect(await state(session, person.id)).toBe('unsubscribed');

    // A fair's visitor list, imported the way the wizard does it: read, map, find duplicates against the
    // people held, merge the duplicate into the person, commit. It holds the unsubscribed person (same
    // email, a new job title) and a newcomer.
    const { summary, table } = await readFile(
      { name: 'beurs.csv', bytes: new TextEncoder().encode(FAIR_LIST) },
      {},
    );
    const existing = (await session.people.loadAll()).records.map((p) => ({
      id: p.id,
      givenName: p.data.givenName,
      familyName: p.data.familyName,
      emails: p.data.emails.map((e) => ({ value: e.value })),
      phones: p.data.phones.map((ph) => ({ value: ph.value })),
    }));
    const analysis = await analyse(table, summary.suggestion.mapping, existing);
    expect(analysis.groups.map((g) => g.existingIds)).toEqual([[person.id]]);
    const plan = planImport(analysis.candidates, analysis.groups, ['merge'], mergeCandidates);
    const report = await commitImport(session, LOCAL_ACTOR, {
      file: 'beurs.csv',
      obtainedOn: '2026-11-02',
      purpose: { name: 'Newsletter', lawfulBasis: 'consent' },
      plan,
    });
    expect(report).toMatchObject({ created: 1, merged: 1, rejected: [] });
    expect(report.mergedIds).toEqual([person.id]);
    // The import really reached the person...
    expect((await session.people.get(person.id)).data.jobTitle).toBe('Inkoper');
    // ...and left their unsubscribe standing.
    expect(await state(session, person.id)).toBe('unsubscribed');

    // Subscribing everyone the import brought in skips them, and only them.
    const imported = [...report.mergedIds, ...report.createdIds];
    const newcomer = report.createdIds[0]!;
    const plan2 = await planBulkUpdate(session, imported, { type: 'subscribe', subscriptionTypeId: LIST });
    expect(plan2.change).toEqual([newcomer]);
    expect(plan2.skipped).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);
    const bulk = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: imported,
      operation: { type: 'subscribe', subscriptionTypeId: LIST },
    });
    expect(bulk.changed).toEqual([newcomer]);
    expect(bulk.skipped).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);

    expect(await state(session, person.id)).toBe('unsubscribed');
    expect(await state(session, newcomer)).toBe('pending');
    const gate = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      personIds: [person.id],
    });
    expect(gate.excluded).toEqual([{ personId: person.id, reason: 'unsubscribed' }]);
  });

  it('refuses a subscribe whose origin is an import for a person who unsubscribed', async () => {
    const session = await open();
    const person = await unsubscribedMember(session, 6, 'email');
    expect(await subscribe(session, LOCAL_ACTOR, about(person, 'import'))).toEqual({
      status: 'skipped',
      reason: 'unsubscribed',
    });
    expect(await state(session, person.id)).toBe('unsubscribed');
  });

  it('lets a late-synced older subscribe from an offline device change nothing', async () => {
    const session = await open();
    const person = await subscribedMember(session, 4);
    const unsubscribedAt = Date.now();
    await unsubscribe(session, LOCAL_ACTOR, about(person, 'manual', { at: unsubscribedAt }));
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
    const session = await open();
    const person = await unsubscribedMember(session, 5, 'web_form');
    expect(await subscribe(session, LOCAL_ACTOR, about(person, 'manual'))).toEqual({
      status: 'skipped',
      reason: 'evidence-required',
    });
    expect(
      await subscribe(
        session,
        LOCAL_ACTOR,
        about(person, 'manual', { evidence: { text: 'Asked by phone to receive the newsletter again' } }),
      ),
    ).toMatchObject({ status: 'written', type: 'pending' });
    await confirmSubscription(session, LOCAL_ACTOR, about(person, 'web_form'));
    expect(await state(session, person.id)).toBe('subscribed');
  });
});
