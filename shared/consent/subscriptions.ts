// Subscribing a person to a list, confirming a double opt-in and unsubscribing, through the append-only
// subscription ledger. An unsubscribe holds until the person subscribes again themselves.
import { loadEntries, recordEntry, type LedgerEntry } from '../purposes/ledger';
import type { Actor } from '../purposes/vocabulary';
import type { Session } from '../vault/session';
import { subscriptionStatus } from './derive';
import type { SubscribeRequest, SubscribeResult, SubscriptionEventPayload } from './types';
import { hasEvidence, SELF_REQUEST_ORIGINS, SUBSCRIPTION_EVENT, SUBSCRIPTION_TYPE } from './types';

export type SubscribeDecision =
  | { readonly action: 'write'; readonly type: SubscriptionEventPayload['type'] }
  | { readonly action: 'skip'; readonly reason: Extract<SubscribeResult, { status: 'skipped' }>['reason'] };

/**
 * What subscribing would do, from the person's list ledger. THE RULE: an unsubscribe holds until the person
 * subscribes again — an import, a bulk update or a business card never re-subscribes; only the person's own
 * request (manual entry with evidence, a web form, their email) does.
 */
export const decideSubscribe = (
  entries: readonly LedgerEntry<SubscriptionEventPayload>[],
  request: SubscribeRequest,
  doubleOptIn: boolean,
  now: number,
): SubscribeDecision => {
  const current = subscriptionStatus(entries, request.subscriptionTypeId, now).state;
  if (current === 'subscribed') return { action: 'skip', reason: 'already-subscribed' };
  if (current === 'unsubscribed') {
    if (!SELF_REQUEST_ORIGINS.includes(request.origin)) return { action: 'skip', reason: 'unsubscribed' };
    if (request.origin === 'manual' && !hasEvidence(request.evidence))
      return { action: 'skip', reason: 'evidence-required' };
  }
  if (doubleOptIn) {
    if (current === 'pending') return { action: 'skip', reason: 'already-pending' };
    return { action: 'write', type: 'pending' };
  }
  return { action: 'write', type: 'subscribed' };
};

const subscriptionType = async (session: Session, id: string) => {
  try {
    return (await session.settings(SUBSCRIPTION_TYPE).get(id)).data;
  } catch {
    return null;
  }
};

const writeSubscription = async (
  session: Session,
  actor: Actor,
  personId: string,
  request: SubscribeRequest,
  type: SubscriptionEventPayload['type'],
  requestedAt: number | null,
): Promise<SubscribeResult> => {
  const at = request.at ?? Date.now();
  const created = await recordEntry(
    session,
    SUBSCRIPTION_EVENT,
    actor,
    personId,
    {
      subscriptionTypeId: request.subscriptionTypeId,
      type,
      at,
      origin: request.origin,
      requestedAt: type === 'pending' ? at : requestedAt,
      evidence: request.evidence,
      batchId: request.batchId ?? null,
    },
    () => ({
      action: 'consent',
      ...(request.batchId ? { batchId: request.batchId } : {}),
      details: { type, origin: request.origin, list: request.subscriptionTypeId },
    }),
  );
  return { status: 'written', eventId: created.id, type };
};

/** Subscribes a person to a list (pending first for double opt-in), or says why not. */
export const subscribe = async (
  session: Session,
  actor: Actor,
  personId: string,
  request: SubscribeRequest,
): Promise<SubscribeResult> => {
  const type = await subscriptionType(session, request.subscriptionTypeId);
  if (!type) return { status: 'skipped', reason: 'unknown-subscription-type' };
  const entries = await loadEntries(session, SUBSCRIPTION_EVENT, personId);
  const decision = decideSubscribe(entries, request, type.doubleOptIn, request.at ?? Date.now());
  if (decision.action === 'skip') return { status: 'skipped', reason: decision.reason };
  return writeSubscription(session, actor, personId, request, decision.type, null);
};

/** The person confirmed a pending double opt-in. */
export const confirmSubscription = async (
  session: Session,
  actor: Actor,
  personId: string,
  request: SubscribeRequest,
): Promise<SubscribeResult> => {
  const entries = await loadEntries(session, SUBSCRIPTION_EVENT, personId);
  const status = subscriptionStatus(entries, request.subscriptionTypeId, request.at ?? Date.now());
  if (status.state !== 'pending') return { status: 'skipped', reason: 'not-pending' };
  return writeSubscription(session, actor, personId, request, 'confirmed', status.requestedAt);
};

/** Unsubscribes: always possible, one action. */
export const unsubscribe = async (
  session: Session,
  actor: Actor,
  personId: string,
  request: SubscribeRequest,
): Promise<SubscribeResult> => {
  const entries = await loadEntries(session, SUBSCRIPTION_EVENT, personId);
  const status = subscriptionStatus(entries, request.subscriptionTypeId, request.at ?? Date.now());
  if (status.state === 'unsubscribed') return { status: 'skipped', reason: 'already-unsubscribed' };
  return writeSubscription(session, actor, personId, request, 'unsubscribed', null);
};
