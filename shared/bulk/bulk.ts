// Bulk update: one operation over many people, previewed first, applied in chunks that yield to the
// event loop, with one batch id in the audit trail and a report of who was skipped and why.
// Restricted people (Art. 18) are skipped except by operations that only reduce processing (unsubscribe,
// withdraw consent); an unsubscribed person is never re-subscribed by a bulk update.
import type { PersonPayload } from '../people';
import { NotFoundError, ValidationError } from '../store';
import { RestrictedError } from '../restriction';
import { updateSubject } from '../rectification';
import type { Decrypted } from '../store';
import { newId } from '../crypto';
import type { Session } from '../vault';
import type { AuditEvent } from '../audit';
import type { Done } from '../workspace';
import { consentStatus, subscriptionStatus } from '../consent';
import { factsFor, loadLedgers, loadPeople, yieldToUi, type LedgerIndex } from '../consent';
import { decideSubscribe } from '../consent';
import type { ConsentEventInput, PersonFacts } from '../consent';
import { CONSENT_EVENT, SUBSCRIPTION_EVENT, SUBSCRIPTION_TYPE } from '../consent';
import { isRestricted } from '../restriction';
import { timeline } from '../purposes';
import type { Actor } from '../purposes';
import type { BulkOperation, BulkOptions, BulkPlan, BulkReport, BulkSkipReason } from './types';
import { PURPOSE, PURPOSE_BASIS } from '../purposes';

const DEFAULT_CHUNK = 500;

interface Context {
  readonly people: Map<string, Decrypted<PersonPayload>>;
  readonly ledgers: LedgerIndex;
  readonly doubleOptIn: boolean;
  readonly now: number;
}

/** Operations that only reduce processing may touch restricted people. */
const reducesProcessing = (op: BulkOperation): boolean =>
  op.type === 'unsubscribe' || (op.type === 'consent' && op.event === 'withdrawn');

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** The person after a set-fields operation. */
const withFields = (
  data: PersonPayload,
  op: Extract<BulkOperation, { type: 'set-fields' }>,
): PersonPayload => {
  const remove = new Set((op.tagsRemove ?? []).map((t) => t.trim().toLowerCase()));
  const kept = data.tags.filter((t) => !remove.has(t.toLowerCase()));
  const present = new Set(kept.map((t) => t.toLowerCase()));
  const added = unique(op.tagsAdd ?? []).filter((t) => !present.has(t.toLowerCase()));
  return {
    ...data,
    ...(op.jobTitle !== undefined ? { jobTitle: op.jobTitle.trim() } : {}),
    ...(op.organisationId !== undefined ? { organisationId: op.organisationId } : {}),
    ...(op.ownerId !== undefined ? { ownerId: op.ownerId } : {}),
    tags: [...kept, ...added],
  };
};

const sameFields = (a: PersonPayload, b: PersonPayload) =>
  a.jobTitle === b.jobTitle &&
  a.organisationId === b.organisationId &&
  a.ownerId === b.ownerId &&
  a.tags.length === b.tags.length &&
  a.tags.every((t, i) => t === b.tags[i]);

/** Why this person would be skipped, or null when the operation changes them. */
const skipReason = (
  session: Session,
  op: BulkOperation,
  personId: string,
  context: Context,
): BulkSkipReason | null => {
  const person = context.people.get(personId);
  if (!person) return 'erased';
  const facts: PersonFacts = factsFor(personId, person, context.ledgers);
  if (!reducesProcessing(op) && isRestricted(facts.restrictions, context.now)) return 'restricted';
  switch (op.type) {
    case 'set-fields': {
      const next = withFields(person.data, op);
      if (sameFields(person.data, next)) return 'no-change';
      try {
        session.people.validate(next);
      } catch (error) {
        if (error instanceof ValidationError) return 'invalid';
        throw error;
      }
      return null;
    }
    case 'set-basis': {
      const mine = timeline(facts.bases, context.now).filter((e) => e.data.purposeId === op.purposeId);
      const last = mine[mine.length - 1];
      if (last ? last.data.basis === op.basis : op.basis === null) return 'no-change';
      return null;
    }
    case 'consent': {
      const state = consentStatus(facts.consents, op.purposeId, context.now).state;
      if (op.event === 'given' && state === 'given') return 'no-change';
      if (op.event === 'withdrawn' && state !== 'given') return 'no-change';
      if (op.event === 'expired' && state !== 'given') return 'no-change';
      return null;
    }
    case 'subscribe': {
      const decision = decideSubscribe(
        facts.subscriptions,
        { subscriptionTypeId: op.subscriptionTypeId, origin: 'bulk' },
        context.doubleOptIn,
        context.now,
      );
      if (decision.action === 'write') return null;
      return decision.reason === 'unsubscribed' ? 'unsubscribed' : 'no-change';
    }
    case 'unsubscribe': {
      const state = subscriptionStatus(facts.subscriptions, op.subscriptionTypeId, context.now).state;
      return state === 'unsubscribed' ? 'no-change' : null;
    }
  }
};

const load = async (
  session: Session,
  selection: readonly string[],
  op: BulkOperation,
  options: BulkOptions,
): Promise<Context> => {
  // Refuse an operation on a purpose or list that does not exist, before touching anyone.
  let doubleOptIn = false;
  if (op.type === 'set-basis' || op.type === 'consent') await session.settings(PURPOSE).get(op.purposeId);
  if (op.type === 'subscribe' || op.type === 'unsubscribe')
    doubleOptIn = (await session.settings(SUBSCRIPTION_TYPE).get(op.subscriptionTypeId)).data.doubleOptIn;
  const [people, ledgers] = await Promise.all([
    loadPeople(session, selection, options.signal),
    loadLedgers(session, options.signal),
  ]);
  return { people, ledgers, doubleOptIn, now: options.now ?? Date.now() };
};

const decide = async (
  session: Session,
  selection: readonly string[],
  op: BulkOperation,
  context: Context,
  options: BulkOptions,
): Promise<BulkPlan> => {
  const ids = [...new Set(selection)];
  const change: string[] = [];
  const skipped: BulkPlan['skipped'] = [];
  const counts: BulkPlan['counts'] = {};
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  for (let start = 0; start < ids.length; start += chunk) {
    options.signal?.throwIfAborted();
    for (const personId of ids.slice(start, start + chunk)) {
      const reason = skipReason(session, op, personId, context);
      if (reason === null) change.push(personId);
      else {
        skipped.push({ personId, reason });
        counts[reason] = (counts[reason] ?? 0) + 1;
      }
    }
    if (ids.length > chunk) await yieldToUi();
  }
  return { total: ids.length, change, skipped, counts };
};

/** Preview: who would change, who is skipped and why (restricted, erased, unsubscribed, no change). */
export const planBulkUpdate = async (
  session: Session,
  selection: readonly string[],
  operation: BulkOperation,
  options: BulkOptions = {},
): Promise<BulkPlan> =>
  decide(session, selection, operation, await load(session, selection, operation, options), options);

const auditKind = (op: BulkOperation): string =>
  op.type === 'set-fields'
    ? 'person'
    : op.type === 'set-basis'
      ? PURPOSE_BASIS.kind
      : op.type === 'consent'
        ? CONSENT_EVENT.kind
        : SUBSCRIPTION_EVENT.kind;

/** Writes one chunk of the operation; each person's change is one write, whole or not at all. */
const applyChunk = async (
  session: Session,
  actor: Actor,
  op: BulkOperation,
  ids: readonly string[],
  batchId: string,
  now: number,
  doubleOptIn: boolean,
): Promise<{ done: string[]; gone: string[]; restricted?: string[] }> => {
  const who = { recordedBy: actor.userId, deviceId: actor.deviceId, batchId };
  switch (op.type) {
    case 'set-fields': {
      // One write per person, each with its field history (Art. 16) under the batch id; someone erased
      // or restricted meanwhile (e.g. by sync) is reported, not fatal.
      const done: string[] = [];
      const gone: string[] = [];
      const restricted: string[] = [];
      // The field histories' own entries are left out: the bulk update's one entry accounts for the batch.
      const context = { subjectKind: 'person', actor, batchId, at: now } as const;
      for (const [i, id] of ids.entries()) {
        // Each update re-encrypts a whole person: give the UI a turn every few dozen.
        if (i > 0 && i % 50 === 0) await yieldToUi();
        try {
          await updateSubject(session, session.people, id, (current) => withFields(current, op), context);
          done.push(id);
        } catch (error) {
          if (error instanceof RestrictedError) restricted.push(id);
          else if (error instanceof NotFoundError) gone.push(id);
          else throw error;
        }
      }
      return { done, gone, restricted };
    }
    case 'set-basis':
      await session.items(PURPOSE_BASIS).createMany(
        ids.map((subjectId) => ({
          subjectId,
          input: { purposeId: op.purposeId, basis: op.basis, note: op.note ?? '', at: now, ...who },
        })),
      );
      return { done: [...ids], gone: [] };
    case 'consent': {
      const input: ConsentEventInput = {
        purposeId: op.purposeId,
        type: op.event,
        at: now,
        method: op.method,
        noticeId: op.noticeId ?? null,
        noticeVersion: op.noticeVersion ?? '',
        evidence: op.evidence,
        expiresAt: op.event === 'given' || op.event === 'renewed' ? (op.expiresAt ?? null) : null,
        ...who,
      };
      await session.items(CONSENT_EVENT).createMany(ids.map((subjectId) => ({ subjectId, input })));
      return { done: [...ids], gone: [] };
    }
    case 'subscribe':
    case 'unsubscribe': {
      const type = op.type === 'unsubscribe' ? 'unsubscribed' : doubleOptIn ? 'pending' : 'subscribed';
      await session.items(SUBSCRIPTION_EVENT).createMany(
        ids.map((subjectId) => ({
          subjectId,
          input: {
            subscriptionTypeId: op.subscriptionTypeId,
            type,
            at: now,
            origin: 'bulk' as const,
            requestedAt: type === 'pending' ? now : null,
            ...who,
          },
        })),
      );
      return { done: [...ids], gone: [] };
    }
  }
};

/**
 * Applies the operation to the selection in chunks, yielding between them; aborting stops after the chunk
 * in progress (what was written stays, and is in the report and the audit entry the operation writes).
 */
export const applyBulkUpdate = async (
  session: Session,
  actor: Actor,
  selection: readonly string[],
  operation: BulkOperation,
  options: BulkOptions = {},
): Promise<Done<BulkReport>> => {
  const batchId = options.batchId ?? newId();
  const context = await load(session, selection, operation, options);
  const plan = await decide(session, selection, operation, context, { ...options, onProgress: undefined });
  const chunk = options.chunkSize ?? DEFAULT_CHUNK;
  const changed: string[] = [];
  const skipped = [...plan.skipped];
  const counts = { ...plan.counts };
  let aborted = false;
  for (let start = 0; start < plan.change.length; start += chunk) {
    if (options.signal?.aborted) {
      aborted = true;
      break;
    }
    const ids = plan.change.slice(start, start + chunk);
    const {
      done,
      gone,
      restricted = [],
    } = await applyChunk(session, actor, operation, ids, batchId, context.now, context.doubleOptIn);
    changed.push(...done);
    for (const personId of gone) {
      skipped.push({ personId, reason: 'erased' });
      counts.erased = (counts.erased ?? 0) + 1;
    }
    for (const personId of restricted) {
      skipped.push({ personId, reason: 'restricted' });
      counts.restricted = (counts.restricted ?? 0) + 1;
    }
    options.onProgress?.({ done: Math.min(start + chunk, plan.change.length), total: plan.change.length });
    await yieldToUi();
  }
  const audit: AuditEvent = {
    action: 'bulk-update',
    kind: auditKind(operation),
    recordIds: changed,
    batchId,
    ...('purposeId' in operation ? { purposeId: operation.purposeId } : {}),
    details: {
      operation: operation.type,
      selected: plan.total,
      changed: changed.length,
      skipped: skipped.length,
      aborted,
      ...Object.fromEntries(Object.entries(counts).map(([reason, n]) => [`skipped:${reason}`, n])),
    },
  };
  return { result: { ...plan, skipped, counts, batchId, changed, aborted }, audit };
};
