// State derived from the append-only ledgers. Pure and deterministic: entries are ordered by event time,
// then by id, so two devices holding the same entries (in any order of arrival) derive the same state,
// and an old entry synced late from an offline device lands where it happened, not on top.
import type {
  BasisStatus,
  ConsentEventPayload,
  ConsentStatus,
  LedgerEntry,
  ObjectionPayload,
  ObjectionState,
  PurposeBasisPayload,
  PurposePayload,
  RestrictionPayload,
  SubscriptionEventPayload,
  SubscriptionStatus,
} from './types';
import { SELF_REQUEST_ORIGINS } from './types';

type Timed = { readonly at: number };

/** Ledger order: by time, then id. */
export const byEventTime = <P extends Timed>(a: LedgerEntry<P>, b: LedgerEntry<P>): number =>
  a.data.at - b.data.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The entries that had happened by `now`, in ledger order. */
export const timeline = <P extends Timed>(
  entries: readonly LedgerEntry<P>[],
  now: number,
): LedgerEntry<P>[] => entries.filter((e) => e.data.at <= now).sort(byEventTime);

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

/**
 * The basis recorded for this person and purpose, else the register's when it applies to everyone (or is
 * consent: then the consent ledger decides).
 */
export const basisStatus = (
  entries: readonly LedgerEntry<PurposeBasisPayload>[],
  purpose: { readonly id: string; readonly data: PurposePayload },
  now: number,
): BasisStatus => {
  const mine = timeline(entries, now).filter((e) => e.data.purposeId === purpose.id);
  const last = mine[mine.length - 1];
  if (last) return { basis: last.data.basis, source: last.data.basis ? 'person' : 'none', eventId: last.id };
  // A consent purpose applies to everyone in the sense that the consent ledger decides for each person.
  return purpose.data.appliesToAll || purpose.data.lawfulBasis === 'consent'
    ? { basis: purpose.data.lawfulBasis, source: 'register', eventId: null }
    : { basis: null, source: 'none', eventId: null };
};

/**
 * Art. 21 objection state for a purpose. A direct-marketing objection covers every direct-marketing
 * purpose and cannot be overridden; a purpose objection can be overridden by recorded compelling grounds,
 * except for direct marketing.
 */
export const objectionState = (
  entries: readonly LedgerEntry<ObjectionPayload>[],
  purpose: { readonly id: string; readonly data: PurposePayload },
  now: number,
): ObjectionState => {
  let marketing: ObjectionState = 'none';
  let own: ObjectionState = 'none';
  for (const e of timeline(entries, now)) {
    const d = e.data;
    const next: ObjectionState = d.type === 'lifted' ? 'none' : d.type;
    if (d.scope === 'direct_marketing') marketing = next === 'overridden' ? marketing : next;
    else if (d.purposeId === purpose.id) own = next;
  }
  if (purpose.data.directMarketing) {
    if (marketing === 'objected' || own !== 'none') return 'objected';
    return 'none';
  }
  return own;
};

/** Art. 18: processing is restricted at `now` when the latest marker says so. */
export const isRestricted = (entries: readonly LedgerEntry<RestrictionPayload>[], now: number): boolean => {
  const ordered = timeline(entries, now);
  return ordered[ordered.length - 1]?.data.type === 'restricted';
};
