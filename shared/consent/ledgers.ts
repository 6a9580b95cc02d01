// Reading and writing a person's consent ledgers through the encrypted item repositories. Writes only
// ever add entries (the kinds are append-only); the operations in operations.ts record each change and
// write its audit entry.
import type { z } from 'zod';
import { toBase64 } from '../crypto';
import { loadSodium } from '../crypto';
import { OBJECTION } from '../objection';
import {
  entriesBySubject,
  loadEntriesBySubject,
  loadSubjectLedgers,
  type EntriesOf,
  type EntryAudit,
  type LedgerEntry,
} from '../purposes';
import { PURPOSE_BASIS } from '../purposes';
import type { ConsentMethod } from '../purposes';
import { RESTRICTION } from '../restriction';
import type { Session } from '../vault';
import { consentStatus } from './derive';
import { noticeDue } from './notices';
import type { ConsentEventPayload, Evidence, EvidenceFile, NoticeReceiptPayload } from './types';
import { CONSENT_EVENT, EVIDENCE_FILE_MAX_BYTES, NOTICE_RECEIPT, SUBSCRIPTION_EVENT } from './types';

/** The ledgers the purpose gate reads for a person, under the names its facts give them. */
export const CONSENT_LEDGERS = {
  bases: PURPOSE_BASIS,
  consents: CONSENT_EVENT,
  subscriptions: SUBSCRIPTION_EVENT,
  objections: OBJECTION,
  restrictions: RESTRICTION,
} as const;

/** One person's ledgers, each in ledger order (time, then id); notices by when they were received. */
export type PersonLedgers = EntriesOf<typeof CONSENT_LEDGERS> & {
  readonly notices: LedgerEntry<NoticeReceiptPayload>[];
};

/** What onePerClick reads of an entry. */
interface ClickEntry {
  readonly data: {
    readonly type: string;
    readonly evidence: { readonly reference: string };
    readonly subscriptionTypeId?: string;
    readonly purposeId?: string;
  };
}

/**
 * One entry per link click. Two devices that both record a click on a token whose maker is gone (both past
 * the maker's turn, links.ts MAKER_FIRST_MS, before either received the other's entry) each append one;
 * the ledger keeps both (append-only) and is read with the first, in ledger order (the click's time, then
 * the id: the same on every device). Only a link's evidence counts: two answers typed in with the same
 * reference are two answers.
 */
export const onePerClick = <E extends ClickEntry>(entries: readonly E[]): E[] => {
  const seen = new Set<string>();
  return entries.filter(({ data }) => {
    if (!data.evidence.reference.startsWith('link-sha256:')) return true;
    const key = [data.evidence.reference, data.type, data.subscriptionTypeId, data.purposeId].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Every ledger of one person (for the Privacy panel and the access package). */
export const loadPersonLedgers = async (session: Session, personId: string): Promise<PersonLedgers> => {
  const [ledgers, notices] = await Promise.all([
    loadSubjectLedgers(session, CONSENT_LEDGERS, personId),
    session.items(NOTICE_RECEIPT).listForSubject(personId),
  ]);
  return {
    ...ledgers,
    consents: onePerClick(ledgers.consents),
    subscriptions: onePerClick(ledgers.subscriptions),
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

/** A consent event as consent.record stores it: what was left out filled in. */
export const consentEntry = (input: ConsentRecordInput) => ({
  purposeId: input.purposeId,
  type: input.type,
  method: input.method,
  at: input.at ?? Date.now(),
  noticeId: input.noticeId ?? null,
  noticeVersion: input.noticeVersion ?? '',
  evidence: input.evidence,
  expiresAt: input.type === 'given' || input.type === 'renewed' ? (input.expiresAt ?? null) : null,
});

/** What the audit entry of a consent event says: the purpose, the event and how it was given. */
export const consentAudit = (entry: ConsentEventPayload): EntryAudit => ({
  action: 'consent',
  purposeId: entry.purposeId,
  details: { type: entry.type, method: entry.method },
});

export interface NoticeReceiptInput {
  readonly noticeId: string;
  readonly version: string;
  readonly method: NoticeReceiptPayload['method'];
  readonly receivedAt?: number;
}

/** What the audit entry of a notice given to a person says: how it was given. */
export const noticeReceiptAudit = (entry: NoticeReceiptPayload): EntryAudit => ({
  action: 'consent',
  details: { method: entry.method },
});

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
  return expiringConsents(await loadEntriesBySubject(session, CONSENT_EVENT), now, days);
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
  const byPerson = entriesBySubject(receipts.records);
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
