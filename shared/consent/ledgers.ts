// Reading and writing a person's consent ledgers through the encrypted item repositories. Writes only
// ever add entries (the kinds are append-only); each consent change is recorded in the audit trail.
import { toBase64 } from '../crypto/bytes';
import { loadSodium } from '../crypto/sodium';
import type { Decrypted } from '../store/subject-repository';
import type { Session } from '../vault/session';
import { consentStatus, subscriptionStatus } from './derive';
import { noticeDue } from './notices';
import type {
  Actor,
  ConsentEventPayload,
  ConsentMethod,
  Evidence,
  EvidenceFile,
  LedgerEntry,
  NoticeReceiptPayload,
  ObjectionPayload,
  PurposeBasisPayload,
  RestrictionPayload,
  SubscribeRequest,
  SubscribeResult,
  SubscriptionEventPayload,
} from './types';
import {
  CONSENT_EVENT,
  EVIDENCE_FILE_MAX_BYTES,
  hasEvidence,
  NOTICE_RECEIPT,
  OBJECTION,
  PURPOSE_BASIS,
  RESTRICTION,
  SELF_REQUEST_ORIGINS,
  SUBSCRIPTION_EVENT,
  SUBSCRIPTION_TYPE,
  type ConsentEventInput,
} from './types';
import type { z } from 'zod';

/** One person's ledgers, each in ledger order (time, then id). */
export interface PersonLedgers {
  readonly bases: LedgerEntry<PurposeBasisPayload>[];
  readonly consents: LedgerEntry<ConsentEventPayload>[];
  readonly subscriptions: LedgerEntry<SubscriptionEventPayload>[];
  readonly objections: LedgerEntry<ObjectionPayload>[];
  readonly restrictions: LedgerEntry<RestrictionPayload>[];
  readonly notices: LedgerEntry<NoticeReceiptPayload>[];
}

const ordered = <P extends { at: number }>(records: readonly Decrypted<P>[]): LedgerEntry<P>[] =>
  records
    .map(({ id, data }) => ({ id, data }))
    .sort((a, b) => a.data.at - b.data.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Every ledger of one person (for the Privacy panel and the access package). */
export const loadPersonLedgers = async (session: Session, personId: string): Promise<PersonLedgers> => {
  const [bases, consents, subscriptions, objections, restrictions, notices] = await Promise.all([
    session.items(PURPOSE_BASIS).listForSubject(personId),
    session.items(CONSENT_EVENT).listForSubject(personId),
    session.items(SUBSCRIPTION_EVENT).listForSubject(personId),
    session.items(OBJECTION).listForSubject(personId),
    session.items(RESTRICTION).listForSubject(personId),
    session.items(NOTICE_RECEIPT).listForSubject(personId),
  ]);
  return {
    bases: ordered(bases.records),
    consents: ordered(consents.records),
    subscriptions: ordered(subscriptions.records),
    objections: ordered(objections.records),
    restrictions: ordered(restrictions.records),
    notices: notices.records
      .map(({ id, data }) => ({ id, data }))
      .sort((a, b) => a.data.receivedAt - b.data.receivedAt || (a.id < b.id ? -1 : 1)),
  };
};

/** Evidence from a file: its SHA-256 always, its bytes too when small enough to keep in the entry. */
export const evidenceFile = async (
  name: string,
  mediaType: string,
  bytes: Uint8Array,
): Promise<EvidenceFile> => {
  const sodium = await loadSodium();
  const hash = sodium.crypto_hash_sha256(bytes);
  return {
    name,
    mediaType: mediaType || 'application/octet-stream',
    size: bytes.length,
    sha256: sodium.to_hex(hash),
    contentBase64: bytes.length <= EVIDENCE_FILE_MAX_BYTES ? toBase64(bytes) : null,
  };
};

export interface ConsentRecordInput {
  readonly purposeId: string;
  readonly type: ConsentEventPayload['type'];
  readonly method: ConsentMethod;
  readonly at?: number;
  readonly noticeId?: string | null;
  readonly noticeVersion?: string;
  readonly evidence?: z.input<typeof Evidence>;
  readonly expiresAt?: number | null;
}

/** Adds one consent event (given, withdrawn, expired, renewed) and writes it to the audit trail. */
export const recordConsent = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: ConsentRecordInput,
): Promise<Decrypted<ConsentEventPayload>> => {
  const entry: ConsentEventInput = {
    purposeId: input.purposeId,
    type: input.type,
    method: input.method,
    at: input.at ?? Date.now(),
    noticeId: input.noticeId ?? null,
    noticeVersion: input.noticeVersion ?? '',
    evidence: input.evidence,
    expiresAt: input.type === 'given' || input.type === 'renewed' ? (input.expiresAt ?? null) : null,
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
  };
  const created = await session.items(CONSENT_EVENT).create(personId, entry);
  await session.audit.record({
    action: 'consent',
    kind: CONSENT_EVENT.kind,
    recordIds: [personId, created.id],
    purposeId: input.purposeId,
    details: { type: input.type, method: input.method },
  });
  return created;
};

/** Withdrawing is one action, as easy as giving (Art. 7(3)). */
export const withdrawConsent = (
  session: Session,
  actor: Actor,
  personId: string,
  purposeId: string,
  method: ConsentMethod,
  evidence?: z.input<typeof Evidence>,
): Promise<Decrypted<ConsentEventPayload>> =>
  recordConsent(session, actor, personId, { purposeId, type: 'withdrawn', method, evidence });

/** Records the basis that applies to one person for one purpose (null: none any more). */
export const recordBasis = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: { purposeId: string; basis: PurposeBasisPayload['basis']; note?: string; at?: number },
): Promise<Decrypted<PurposeBasisPayload>> => {
  const created = await session.items(PURPOSE_BASIS).create(personId, {
    purposeId: input.purposeId,
    basis: input.basis,
    note: input.note ?? '',
    at: input.at ?? Date.now(),
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
  });
  await session.audit.record({
    action: 'consent',
    kind: PURPOSE_BASIS.kind,
    recordIds: [personId, created.id],
    purposeId: input.purposeId,
    details: { basis: input.basis ?? 'none' },
  });
  return created;
};

/** Records an Art. 21 objection, its override by compelling grounds, or its lifting. */
export const recordObjection = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: Omit<z.input<typeof OBJECTION.schema>, 'recordedBy' | 'deviceId' | 'at'> & { at?: number },
): Promise<Decrypted<ObjectionPayload>> => {
  const created = await session.items(OBJECTION).create(personId, {
    ...input,
    at: input.at ?? Date.now(),
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
  });
  await session.audit.record({
    action: 'consent',
    kind: OBJECTION.kind,
    recordIds: [personId, created.id],
    ...(created.data.purposeId ? { purposeId: created.data.purposeId } : {}),
    details: { type: created.data.type, scope: created.data.scope },
  });
  return created;
};

/** Sets or lifts the Art. 18 restriction marker (issue 6 adds the request flow around it). */
export const recordRestriction = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: Omit<z.input<typeof RESTRICTION.schema>, 'recordedBy' | 'deviceId' | 'at'> & { at?: number },
): Promise<Decrypted<RestrictionPayload>> => {
  const created = await session.items(RESTRICTION).create(personId, {
    ...input,
    at: input.at ?? Date.now(),
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
  });
  await session.audit.record({
    action: 'update',
    kind: RESTRICTION.kind,
    recordIds: [personId, created.id],
    ...(created.data.requestId ? { requestId: created.data.requestId } : {}),
    details: { type: created.data.type, reason: created.data.reason },
  });
  return created;
};

/** Records that a person was given a privacy notice version (Art. 13/14). */
export const recordNoticeReceipt = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: { noticeId: string; version: string; method: NoticeReceiptPayload['method']; receivedAt?: number },
): Promise<Decrypted<NoticeReceiptPayload>> => {
  const created = await session.items(NOTICE_RECEIPT).create(personId, {
    ...input,
    receivedAt: input.receivedAt ?? Date.now(),
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
  });
  await session.audit.record({
    action: 'consent',
    kind: NOTICE_RECEIPT.kind,
    recordIds: [personId, created.id],
    details: { method: input.method },
  });
  return created;
};

// ---------------------------------------------------------------------------------------------------
// Subscriptions
// ---------------------------------------------------------------------------------------------------

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
  const created = await session.items(SUBSCRIPTION_EVENT).create(personId, {
    subscriptionTypeId: request.subscriptionTypeId,
    type,
    at,
    origin: request.origin,
    requestedAt: type === 'pending' ? at : requestedAt,
    evidence: request.evidence,
    recordedBy: actor.userId,
    deviceId: actor.deviceId,
    batchId: request.batchId ?? null,
  });
  await session.audit.record({
    action: 'consent',
    kind: SUBSCRIPTION_EVENT.kind,
    recordIds: [personId, created.id],
    ...(request.batchId ? { batchId: request.batchId } : {}),
    details: { type, origin: request.origin, list: request.subscriptionTypeId },
  });
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
  const { records } = await session.items(SUBSCRIPTION_EVENT).listForSubject(personId);
  const decision = decideSubscribe(ordered(records), request, type.doubleOptIn, request.at ?? Date.now());
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
  const { records } = await session.items(SUBSCRIPTION_EVENT).listForSubject(personId);
  const status = subscriptionStatus(ordered(records), request.subscriptionTypeId, request.at ?? Date.now());
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
  const { records } = await session.items(SUBSCRIPTION_EVENT).listForSubject(personId);
  const status = subscriptionStatus(ordered(records), request.subscriptionTypeId, request.at ?? Date.now());
  if (status.state === 'unsubscribed') return { status: 'skipped', reason: 'already-unsubscribed' };
  return writeSubscription(session, actor, personId, request, 'unsubscribed', null);
};

/** Consent events of a person that run out between now and now + days (the re-permission list). */
export const expiringConsents = (
  consents: ReadonlyMap<string, readonly LedgerEntry<ConsentEventPayload>[]>,
  now: number,
  days: number,
): { personId: string; purposeId: string; eventId: string; expiresAt: number }[] => {
  const until = now + days * 86_400_000;
  const found: { personId: string; purposeId: string; eventId: string; expiresAt: number }[] = [];
  for (const [personId, entries] of consents) {
    for (const purposeId of new Set(entries.map((e) => e.data.purposeId))) {
      const status = consentStatus(entries, purposeId, now);
      if (status.state === 'given' && status.expiresAt !== null && status.expiresAt <= until)
        found.push({ personId, purposeId, eventId: status.eventId!, expiresAt: status.expiresAt });
    }
  }
  return found.sort((a, b) => a.expiresAt - b.expiresAt);
};

/** The re-permission list: consents that run out in the next `days` days (30/60/90), soonest first. */
export const repermissionList = async (
  session: Session,
  days: number,
  now: number = Date.now(),
): Promise<{ personId: string; purposeId: string; eventId: string; expiresAt: number }[]> => {
  const { records } = await session.items(CONSENT_EVENT).loadAll({ chunkSize: 500 });
  const byPerson = new Map<string, LedgerEntry<ConsentEventPayload>[]>();
  for (const { id, subjectId, data } of records) {
    let list = byPerson.get(subjectId);
    if (!list) byPerson.set(subjectId, (list = []));
    list.push({ id, data });
  }
  return expiringConsents(byPerson, now, days);
};

/**
 * People whose Art. 14 privacy notice is due or overdue (data not collected from them, no notice recorded
 * since), soonest deadline first.
 */
export const noticesDue = async (
  session: Session,
  today: string,
): Promise<{ personId: string; dueOn: string; overdue: boolean; daysLeft: number }[]> => {
  const [people, receipts] = await Promise.all([
    session.people.loadAll({ chunkSize: 500 }),
    session.items(NOTICE_RECEIPT).loadAll({ chunkSize: 500 }),
  ]);
  const byPerson = new Map<string, LedgerEntry<NoticeReceiptPayload>[]>();
  for (const { id, subjectId, data } of receipts.records) {
    let list = byPerson.get(subjectId);
    if (!list) byPerson.set(subjectId, (list = []));
    list.push({ id, data });
  }
  const due: { personId: string; dueOn: string; overdue: boolean; daysLeft: number }[] = [];
  for (const person of people.records) {
    const status = noticeDue(person.data, byPerson.get(person.id) ?? [], today);
    if (status.state === 'due')
      due.push({
        personId: person.id,
        dueOn: status.dueOn,
        overdue: status.overdue,
        daysLeft: status.daysLeft,
      });
  }
  return due.sort((a, b) => a.daysLeft - b.daysLeft);
};
