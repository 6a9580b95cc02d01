// The dashboard's loaders on a real vault (RxDB memory storage, real libsodium): the ledgers written by
// the consent core decide the figures; a person erased from the store no longer counts.
import { describe, expect, it } from 'vitest';
import { PURPOSE_E_MARKETING, seedConsentDefaults } from '../../../../shared/consent/defaults';
import { CONSENT_EVENT, SUBSCRIPTION_EVENT } from '../../../../shared/consent/types';
import {
  loadConsentExpiry,
  loadLawfulBasisGaps,
  loadProcessorReviews,
} from '../../../../shared/dashboard/dashboard-load';
import { PROCESSOR } from '../../../../shared/processors/processors';
import type { Session } from '../../../../shared/vault/session';
import { annelies, bram } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';
import { paperConsent, WRITER } from '../../../fixtures/consent';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const evidence = { text: 'Signed form', reference: '', file: null };

const open = useMemoryVaults(seedConsentDefaults);

const subscribe = (session: Session, personId: string) =>
  session.items(SUBSCRIPTION_EVENT).create(personId, {
    subscriptionTypeId: 'subscription-newsletter',
    type: 'subscribed',
    at: NOW - 60 * DAY,
    origin: 'manual',
    evidence,
    ...WRITER,
  });

const consent = (session: Session, personId: string, expiresAt: number) =>
  session.items(CONSENT_EVENT).create(personId, paperConsent(NOW - 60 * DAY, expiresAt));

describe('dashboard loaders on a vault', () => {
  it('counts a newsletter subscriber without consent, and consents running out, until the person is removed', async () => {
    const session = await open();
    const [withConsent, without] = await session.people.createMany([annelies, bram]);
    await subscribe(session, withConsent!.id);
    await consent(session, withConsent!.id, NOW + 20 * DAY);
    await subscribe(session, without!.id);

    expect(await loadLawfulBasisGaps(session, NOW)).toEqual({
      people: 1,
      byPurpose: [{ purposeId: PURPOSE_E_MARKETING, people: 1 }],
    });
    expect(await loadConsentExpiry(session, NOW)).toEqual({
      within: { 30: 1, 60: 1, 90: 1 },
      soonestAt: NOW + 20 * DAY,
    });
    // Three weeks later the consent has run out: both subscribers lack a basis, nothing expires soon.
    expect((await loadLawfulBasisGaps(session, NOW + 21 * DAY)).people).toBe(2);
    expect((await loadConsentExpiry(session, NOW + 21 * DAY)).within[90]).toBe(0);

    await session.people.remove(without!.id);
    expect((await loadLawfulBasisGaps(session, NOW)).people).toBe(0);
  });

  it('counts processor agreements due for review on the local day', async () => {
    const session = await open();
    await session.settings(PROCESSOR).put({ name: 'Mailservice BV', agreement: {} });
    await session
      .settings(PROCESSOR)
      .put({ name: 'Hosting BV', agreement: { signedOn: '2025-01-01', reviewOn: '2026-12-10' } });
    expect(await loadProcessorReviews(session, NOW)).toEqual({
      overdue: 0,
      dueSoon: 1,
      noAgreement: 1,
      total: 2,
    });
  });
});
