// Consent and subscription state derived from their append-only ledgers. Pure and deterministic: entries
// are taken in ledger order (event time, then id), so two devices holding the same entries derive the same
// state, and an old entry synced late from an offline device lands where it happened, not on top.
import type {
  ConsentEventPayload,
  ConsentStatus,
  SubscriptionEventPayload,
  SubscriptionStatus,
} from './types';
import { SELF_REQUEST_ORIGINS } from './types';
import { timeline, type LedgerEntry } from '../purposes';

/** Consent for one purpose at `now`; a consent past its expiry is expired even without an 'expired' event. */
export const consentStatus = (
  entries: readonly LedgerEntry<ConsentEventPayload>[],
  purposeId: string,
  now: number,
): ConsentStatus => {
  let status: ConsentStatus = { state: 'none', eventId: null, since: null, expiresAt: null };
  for (const e of timeline(entries, now)) {
    if (e.data.purposeId !== purposeId) continue;
    switch (e.data.type) {
      case 'given':
      case 'renewed':
        status = { state: 'given', eventId: e.id, since: e.data.at, expiresAt: e.data.expiresAt };
        break;
      case 'withdrawn':
        status = { state: 'withdrawn', eventId: e.id, since: e.data.at, expiresAt: null };
        break;
      case 'expired':
        status = { state: 'expired', eventId: e.id, since: e.data.at, expiresAt: null };
        break;
    }
  }
  if (status.state === 'given' && status.expiresAt !== null && status.expiresAt <= now)
    return { ...status, state: 'expired', since: status.expiresAt };
  return status;
};

/**
 * Subscription to one list at `now`. An unsubscribe holds until the person subscribes again: a
 * 'subscribed' or 'pending' entry from an import, a bulk update or a business card does not lift it,
 * whatever device wrote it and whenever it arrived. A 'confirmed' only completes a pending double opt-in.
 */
export const subscriptionStatus = (
  entries: readonly LedgerEntry<SubscriptionEventPayload>[],
  subscriptionTypeId: string,
  now: number,
): SubscriptionStatus => {
  let status: SubscriptionStatus = {
    state: 'none',
    eventId: null,
    since: null,
    requestedAt: null,
    confirmedAt: null,
  };
  for (const e of timeline(entries, now)) {
    const d = e.data;
    if (d.subscriptionTypeId !== subscriptionTypeId) continue;
    const ownRequest = SELF_REQUEST_ORIGINS.includes(d.origin);
    switch (d.type) {
      case 'subscribed':
        if (status.state === 'unsubscribed' && !ownRequest) break;
        status = {
          state: 'subscribed',
          eventId: e.id,
          since: d.at,
          requestedAt: d.requestedAt,
          confirmedAt: null,
        };
        break;
      case 'pending':
        if (status.state === 'subscribed') break; // already on the list
        if (status.state === 'unsubscribed' && !ownRequest) break;
        status = {
          state: 'pending',
          eventId: e.id,
          since: d.at,
          requestedAt: d.requestedAt ?? d.at,
          confirmedAt: null,
        };
        break;
      case 'confirmed':
        if (status.state !== 'pending') break;
        status = {
          state: 'subscribed',
          eventId: e.id,
          since: d.at,
          requestedAt: status.requestedAt,
          confirmedAt: d.at,
        };
        break;
      case 'unsubscribed':
        status = { state: 'unsubscribed', eventId: e.id, since: d.at, requestedAt: null, confirmedAt: null };
        break;
    }
  }
  return status;
};
