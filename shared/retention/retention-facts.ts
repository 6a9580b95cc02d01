// Gathers the facts retention decides on (retention-due.ts) from decrypted items: activities, deals,
// consent and subscription ledgers, the purposes register. `subjectFacts` is pure; `loadRetentionFacts`
// reads the vault once per run, in chunks, so the UI keeps painting.
import { consentStatus, subscriptionStatus } from '../consent';
import { DECRYPT_CHUNK, loadLedgers, type LedgerIndex } from '../consent';
import type { SubscriptionTypePayload } from '../consent';
import { SUBSCRIPTION_TYPE } from '../consent';
import { ACTIVITY_ITEMS, type ActivityPayload } from '../activities';
import { DEAL_CONFIG, type DealPayload } from '../deals';
import type { Decrypted } from '../store';
import type { Session } from '../vault';
import { categoriesHeld } from '../processing-record';
import type { SubjectFacts } from './retention-due';
import type { SubjectKind } from './retention-rules';
import { basisStatus, PURPOSE } from '../purposes';
import type { DataCategory } from '../purposes';
import type { LedgerEntry } from '../purposes';
import type { PurposePayload } from '../purposes';

type Purpose = { readonly id: string; readonly data: PurposePayload };
type ListType = { readonly id: string; readonly data: SubscriptionTypePayload };

export interface FactsInput {
  readonly subjectId: string;
  readonly kind: SubjectKind;
  readonly payload: Record<string, unknown> & { createdAt: number; source: { obtainedOn: string } };
  readonly activities: readonly ActivityPayload[];
  /** Deals stored under the subject, and deals of an organisation that name this person. */
  readonly deals: readonly DealPayload[];
  readonly ledgers: LedgerIndex;
  readonly purposes: readonly Purpose[];
  readonly lists: readonly ListType[];
  /** Custom field definitions (id -> category), for the categories a record holds. */
  readonly customCategories?: ReadonlyMap<string, DataCategory>;
  readonly now: number;
}

const maxOf = (values: readonly number[]): number | null => (values.length ? Math.max(...values) : null);

const dayStart = (isoDate: string): number | null => {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isFinite(t) ? t : null;
};

/** The ids a ledger mentions, each once. */
const idsIn = <P>(entries: readonly LedgerEntry<P>[], pick: (p: P) => string): string[] => [
  ...new Set(entries.map((e) => pick(e.data))),
];

/** When every consent and subscription the person had has ended (and at least one was withdrawn). */
const endedAt = (input: FactsInput): number | null => {
  const consents = input.ledgers.consents.get(input.subjectId) ?? [];
  const subscriptions = input.ledgers.subscriptions.get(input.subjectId) ?? [];
  const states = [
    ...idsIn(consents, (c) => c.purposeId).map((id) => consentStatus(consents, id, input.now)),
    ...idsIn(subscriptions, (s) => s.subscriptionTypeId).map((id) =>
      subscriptionStatus(subscriptions, id, input.now),
    ),
  ];
  if (!states.some((s) => s.state === 'withdrawn' || s.state === 'unsubscribed')) return null;
  if (states.some((s) => s.state === 'given' || s.state === 'subscribed' || s.state === 'pending'))
    return null;
  return maxOf(states.map((s) => s.since ?? 0));
};

const purposesFor = (input: FactsInput): Set<string> => {
  const ids = new Set<string>();
  const bases = input.ledgers.bases.get(input.subjectId) ?? [];
  const consents = input.ledgers.consents.get(input.subjectId) ?? [];
  const subscriptions = input.ledgers.subscriptions.get(input.subjectId) ?? [];
  for (const purpose of input.purposes) {
    if (!purpose.data.active) continue;
    if (purpose.data.lawfulBasis === 'consent') {
      if (consentStatus(consents, purpose.id, input.now).state === 'given') ids.add(purpose.id);
    } else if (basisStatus(bases, purpose, input.now).basis !== null) ids.add(purpose.id);
  }
  for (const list of input.lists) {
    const state = subscriptionStatus(subscriptions, list.id, input.now).state;
    if (state === 'subscribed' || state === 'pending') ids.add(list.data.purposeId);
  }
  return ids;
};

export const subjectFacts = (input: FactsInput): SubjectFacts => {
  const consents = input.ledgers.consents.get(input.subjectId) ?? [];
  const subscriptions = input.ledgers.subscriptions.get(input.subjectId) ?? [];
  const won = input.deals.filter((d) => d.outcome === 'won' && d.closedAt !== null);
  const purchases = input.activities.filter((a) => a.type === 'purchase');
  return {
    subjectId: input.subjectId,
    kind: input.kind,
    collectedAt: dayStart(input.payload.source.obtainedOn) ?? input.payload.createdAt,
    lastActivityAt: maxOf([
      ...input.activities.map((a) => a.occurredAt),
      ...input.deals.flatMap((d) => [d.createdAt, d.closedAt ?? 0]),
      ...consents.map((c) => c.data.at),
      ...subscriptions.map((s) => s.data.at),
    ]),
    lastContractAt: maxOf([...won.map((d) => d.closedAt!), ...purchases.map((p) => p.occurredAt)]),
    unsubscribedAt: input.kind === 'person' ? endedAt(input) : null,
    purposeIds: input.kind === 'person' ? purposesFor(input) : appliesToAll(input.purposes),
    categories: categoriesHeld(input.kind, input.payload, input.customCategories),
  };
};

const appliesToAll = (purposes: readonly Purpose[]): Set<string> =>
  new Set(purposes.filter((p) => p.data.active && p.data.appliesToAll).map((p) => p.id));

const bySubject = <P>(records: readonly Decrypted<P>[]): Map<string, P[]> => {
  const map = new Map<string, P[]>();
  for (const r of records) {
    let list = map.get(r.subjectId);
    if (!list) map.set(r.subjectId, (list = []));
    list.push(r.data);
  }
  return map;
};

/** The facts about every person and organisation in the vault at `now`. */
export const loadRetentionFacts = async (
  session: Session,
  now: number,
  customCategories?: ReadonlyMap<string, DataCategory>,
): Promise<SubjectFacts[]> => {
  const options = { chunkSize: DECRYPT_CHUNK };
  const [people, organisations, activities, deals, ledgers, purposes, lists] = await Promise.all([
    session.people.loadAll(options),
    session.organisations.loadAll(options),
    session.items(ACTIVITY_ITEMS).loadAll(options),
    session.items(DEAL_CONFIG).loadAll(options),
    loadLedgers(session),
    session.settings(PURPOSE).list(),
    session.settings(SUBSCRIPTION_TYPE).list(),
  ]);
  const activityIndex = bySubject(activities.records);
  const dealIndex = bySubject(deals.records);
  // A deal stored under an organisation also tells that its contact person is (or was) a customer.
  for (const deal of deals.records) {
    const personId = deal.data.personId;
    if (personId && personId !== deal.subjectId) {
      let list = dealIndex.get(personId);
      if (!list) dealIndex.set(personId, (list = []));
      list.push(deal.data);
    }
  }
  const common = { ledgers, purposes: purposes.records, lists: lists.records, customCategories, now };
  const subjects = [
    ...people.records.map((r) => ({ r, kind: 'person' as const })),
    ...organisations.records.map((r) => ({ r, kind: 'organisation' as const })),
  ];
  return subjects.map(({ r, kind }) =>
    subjectFacts({
      ...common,
      subjectId: r.id,
      kind,
      payload: r.data,
      activities: activityIndex.get(r.id) ?? [],
      deals: dealIndex.get(r.id) ?? [],
    }),
  );
};
