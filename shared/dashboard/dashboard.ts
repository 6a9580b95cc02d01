// The privacy dashboard's figures, as pure functions of decrypted ledgers and registers: counts
// and ids only, so the dashboard shows no one's name. Loading them from a session is dashboard-load.ts.
import { explainPurpose, type PurposeExplanation } from '../consent';
import { consentStatus, subscriptionStatus } from '../consent';
import type { ConsentEventPayload, PersonFacts, SubscriptionTypePayload } from '../consent';
import type { DeviceSummary } from '../sync';
import { reviewState, type ProcessorPayload } from '../processors';
import type { LedgerEntry } from '../purposes';
import type { PurposePayload } from '../purposes';

const DAY_MS = 86_400_000;

export interface Registered<P> {
  readonly id: string;
  readonly data: P;
}

/** The ledgers of one person that decide whether a purpose is lawful for them. */
export type PersonLedgers = Pick<
  PersonFacts,
  'personId' | 'bases' | 'consents' | 'subscriptions' | 'objections' | 'restrictions'
>;

export interface LawfulBasisGaps {
  /** People with at least one purpose in use and no lawful basis for it. */
  readonly people: number;
  /** Per active purpose with gaps, most people first. */
  readonly byPurpose: readonly { readonly purposeId: string; readonly people: number }[];
}

/** The reasons that mean "no lawful basis" (an objection or a restriction is a stop, not a gap). */
const GAP_REASONS: ReadonlySet<PurposeExplanation['reason']> = new Set([
  'no-basis',
  'consent-missing',
  'consent-withdrawn',
  'consent-expired',
]);

/**
 * A purpose is in use for a person when they are on one of its lists (subscribed or awaiting
 * confirmation) or a basis was recorded for them for it; it has a gap when, now, no lawful basis covers
 * that use: a basis removed, consent never given, withdrawn or expired.
 */
export const lawfulBasisGaps = (
  people: Iterable<PersonLedgers>,
  purposes: readonly Registered<PurposePayload>[],
  subscriptionTypes: readonly Registered<SubscriptionTypePayload>[],
  now: number,
): LawfulBasisGaps => {
  const active = purposes.filter((p) => p.data.active);
  const listsOf = new Map(
    active.map((p) => [p.id, subscriptionTypes.filter((s) => s.data.purposeId === p.id).map((s) => s.id)]),
  );
  const perPurpose = new Map<string, number>();
  let total = 0;
  for (const person of people) {
    let gap = false;
    for (const purpose of active) {
      const onList = (listsOf.get(purpose.id) ?? []).some((list) => {
        const state = subscriptionStatus(person.subscriptions, list, now).state;
        return state === 'subscribed' || state === 'pending';
      });
      const basisRecorded = person.bases.some((b) => b.data.purposeId === purpose.id && b.data.at <= now);
      if (!onList && !basisRecorded) continue;
      if (!GAP_REASONS.has(explainPurpose(person, purpose, now).reason)) continue;
      perPurpose.set(purpose.id, (perPurpose.get(purpose.id) ?? 0) + 1);
      gap = true;
    }
    if (gap) total += 1;
  }
  return {
    people: total,
    byPurpose: [...perPurpose]
      .map(([purposeId, count]) => ({ purposeId, people: count }))
      .sort((a, b) => b.people - a.people || (a.purposeId < b.purposeId ? -1 : 1)),
  };
};

export const EXPIRY_WINDOWS = [30, 60, 90] as const;

export interface ConsentExpiry {
  /** Consents (person and purpose) still given now that run out within 30, 60 and 90 days (cumulative). */
  readonly within: Readonly<Record<(typeof EXPIRY_WINDOWS)[number], number>>;
  /** When the first of them runs out (ms), or null. */
  readonly soonestAt: number | null;
}

export const consentExpiry = (
  consents: ReadonlyMap<string, readonly LedgerEntry<ConsentEventPayload>[]>,
  now: number,
): ConsentExpiry => {
  const within = { 30: 0, 60: 0, 90: 0 };
  let soonestAt: number | null = null;
  for (const entries of consents.values()) {
    for (const purposeId of new Set(entries.map((e) => e.data.purposeId))) {
      const { state, expiresAt } = consentStatus(entries, purposeId, now);
      if (state !== 'given' || expiresAt === null) continue;
      for (const days of EXPIRY_WINDOWS) if (expiresAt <= now + days * DAY_MS) within[days] += 1;
      if (expiresAt <= now + 90 * DAY_MS && (soonestAt === null || expiresAt < soonestAt))
        soonestAt = expiresAt;
    }
  }
  return { within, soonestAt };
};

export const STALE_DEVICE_DAYS = 30;

export interface DeviceFreshness {
  /** Devices neither revoked nor expired. */
  readonly active: number;
  /** Of those, devices whose last sync is older than 30 days, or that never synced since signing in 30 days ago. */
  readonly stale: number;
  /** The stale devices, longest silent first (ids and times only). */
  readonly staleDevices: readonly { readonly id: string; readonly lastSyncAt: number | null }[];
}

export const deviceFreshness = (
  devices: readonly DeviceSummary[],
  now: number,
  days = STALE_DEVICE_DAYS,
): DeviceFreshness => {
  const since = now - days * DAY_MS;
  const active = devices.filter((d) => d.revokedAt === null && d.expiresAt > now);
  const stale = active
    .filter((d) => (d.lastSyncAt ?? d.createdAt) < since)
    .sort((a, b) => (a.lastSyncAt ?? a.createdAt) - (b.lastSyncAt ?? b.createdAt));
  return {
    active: active.length,
    stale: stale.length,
    staleDevices: stale.map((d) => ({ id: d.id, lastSyncAt: d.lastSyncAt })),
  };
};

export interface ProcessorReviews {
  readonly overdue: number;
  readonly dueSoon: number;
  /** Processors with no signed agreement (Art. 28(3)). */
  readonly noAgreement: number;
  readonly total: number;
}

/** Processor agreements due for review (processors.ts reviewState), on the day `today` (YYYY-MM-DD). */
export const processorReviews = (
  processors: readonly Registered<ProcessorPayload>[],
  today: string,
): ProcessorReviews => {
  const states = processors.map((p) => reviewState(p.data, today));
  return {
    overdue: states.filter((s) => s === 'overdue').length,
    dueSoon: states.filter((s) => s === 'due-soon').length,
    noAgreement: states.filter((s) => s === 'no-agreement').length,
    total: processors.length,
  };
};
