// Subscribing a person to a list, confirming a double opt-in and unsubscribing, through the append-only
// subscription ledger. An unsubscribe holds until the person subscribes again themselves.
import { appendEntry, loadEntries, type LedgerEntry } from '../purposes';
import type { Actor } from '../purposes';
import type { Session } from '../vault';
import type { Done } from '../workspace';
import { subscriptionStatus } from './derive';
import type {
  SubscribeRequest,
  SubscribeResult,
  SubscribeSkipReason,
  SubscriptionEventPayload,
} from './types';
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

export type SubscriptionChange = 'subscribe' | 'confirm' | 'unsubscribe';

/**
 * What the change writes, or why it writes nothing: subscribing follows decideSubscribe (pending first for
 * double opt-in); confirming needs a pending double opt-in; unsubscribing is always possible, one action.
 */
const decideChange = async (
  session: Session,
  personId: string,
  request: SubscribeRequest,
  change: SubscriptionChange,
): Promise<
  | { readonly write: SubscriptionEventPayload['type']; readonly requestedAt: number | null }
  | Extract<SubscribeResult, { status: 'skipped' }>
> => {
  const skipped = (reason: SubscribeSkipReason) => ({ status: 'skipped', reason }) as const;
  const at = request.at ?? Date.now();
  const entries = await loadEntries(session, SUBSCRIPTION_EVENT, personId);
  if (change === 'subscribe') {
    const type = await subscriptionType(session, request.subscriptionTypeId);
    if (!type) return skipped('unknown-subscription-type');
    const decision = decideSubscribe(entries, request, type.doubleOptIn, at);
    return decision.action === 'skip'
      ? skipped(decision.reason)
      : { write: decision.type, requestedAt: null };
  }
  const status = subscriptionStatus(entries, request.subscriptionTypeId, at);
  if (change === 'confirm')
    return status.state === 'pending'
      ? { write: 'confirmed', requestedAt: status.requestedAt }
      : skipped('not-pending');
  return status.state === 'unsubscribed'
    ? skipped('already-unsubscribed')
    : { write: 'unsubscribed', requestedAt: null };
};

/**
 * Subscribes, confirms or unsubscribes a person; returns the result with the audit entry of what was
 * written (none when it was skipped: nothing was stored), for the consent operations to write.
 */
export const changeSubscription = async (
  session: Session,
  actor: Actor,
  personId: string,
  request: SubscribeRequest,
  change: SubscriptionChange,
): Promise<Done<SubscribeResult>> => {
  const decided = await decideChange(session, personId, request, change);
  if ('status' in decided) return { result: decided, audit: [] };
  const type = decided.write;
  const at = request.at ?? Date.now();
  const { result: created, audit } = await appendEntry(
    session,
    SUBSCRIPTION_EVENT,
    actor,
    personId,
    {
      subscriptionTypeId: request.subscriptionTypeId,
      type,
      at,
      origin: request.origin,
      requestedAt: type === 'pending' ? at : decided.requestedAt,
      evidence: request.evidence,
      batchId: request.batchId ?? null,
    },
    () => ({
      action: 'consent',
      ...(request.batchId ? { batchId: request.batchId } : {}),
      details: { type, origin: request.origin, list: request.subscriptionTypeId },
    }),
  );
  return { result: { status: 'written', eventId: created.id, type }, audit };
};
