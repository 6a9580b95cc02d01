// The consent vocabulary: subscription lists and privacy notices (settings), and the per-person consent,
// subscription and notice-receipt ledgers, with the shapes the purpose gate and subscribing work with.
// Every ledger is append-only: state is derived from the entries in ledger order (shared/purposes).
import { z } from 'zod';
import type { ObjectionPayload } from '../objection';
import { trimmed } from '../people';
import { ledgerKind, type LedgerEntry } from '../purposes';
import type { PurposeBasisPayload, PurposePayload } from '../purposes';
import { ConsentMethod, Instant, IsoDate, Localized, RECORDED, SettingId, type Channel } from '../purposes';
import type { RestrictionPayload } from '../restriction';
import { sealedKind } from '../store';

// ---------------------------------------------------------------------------------------------------
// Settings: subscription types, privacy notices
// ---------------------------------------------------------------------------------------------------

export const SubscriptionTypePayload = z.object({
  name: Localized(120).refine((n) => n.en.length > 0 || n.nl.length > 0, 'name'),
  description: Localized(1000).default({ en: '', nl: '' }),
  purposeId: SettingId,
  /** Subscribing writes 'pending' until the person confirms (double opt-in). */
  doubleOptIn: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type SubscriptionTypePayload = z.infer<typeof SubscriptionTypePayload>;
export const SUBSCRIPTION_TYPE = sealedKind('subscription-type', SubscriptionTypePayload);

/** One version of the privacy notice (Art. 13/14); each version is its own setting, never rewritten. */
export const PrivacyNoticePayload = z.object({
  version: trimmed(40).min(1, 'version'),
  publishedOn: IsoDate,
  text: Localized(100_000),
  url: trimmed(500).default(''),
});
export type PrivacyNoticePayload = z.infer<typeof PrivacyNoticePayload>;
export type PrivacyNoticeInput = z.input<typeof PrivacyNoticePayload>;
export const PRIVACY_NOTICE = sealedKind('privacy-notice', PrivacyNoticePayload);

// ---------------------------------------------------------------------------------------------------
// Items about a person: the consent ledgers (all append-only)
// ---------------------------------------------------------------------------------------------------

/** Files kept in the item itself (encrypted with the person's key) up to this size; larger: hash only. */
export const EVIDENCE_FILE_MAX_BYTES = 1024 * 1024;

export const EvidenceFile = z.object({
  name: trimmed(255).min(1, 'name'),
  mediaType: trimmed(100).default('application/octet-stream'),
  size: z.number().int().nonnegative(),
  /** Lower-case hex SHA-256 of the bytes: proves which file was shown even when it is not kept here. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256'),
  /** The bytes, base64, when size <= EVIDENCE_FILE_MAX_BYTES; otherwise null. */
  contentBase64: z
    .string()
    .max(Math.ceil(EVIDENCE_FILE_MAX_BYTES / 3) * 4)
    .nullable()
    .default(null),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const Evidence = z
  .object({
    text: trimmed(4000).default(''),
    /** E.g. a form submission id, a letter's reference, a mail's message id. */
    reference: trimmed(500).default(''),
    file: EvidenceFile.nullable().default(null),
  })
  .default({ text: '', reference: '', file: null });
export type Evidence = z.infer<typeof Evidence>;
export const hasEvidence = (
  e:
    | {
        readonly text?: string;
        readonly reference?: string;
        readonly file?: unknown;
      }
    | undefined,
): boolean => !!e && (!!e.text?.trim() || !!e.reference?.trim() || (e.file ?? null) !== null);

export const CONSENT_EVENT_TYPES = ['given', 'withdrawn', 'expired', 'renewed'] as const;
export const ConsentEventType = z.enum(CONSENT_EVENT_TYPES);
export type ConsentEventType = z.infer<typeof ConsentEventType>;

export const ConsentEventPayload = z
  .object({
    purposeId: SettingId,
    type: ConsentEventType,
    at: Instant,
    method: ConsentMethod,
    /** The privacy notice shown (Art. 7(1): what they were shown). */
    noticeId: SettingId.nullable().default(null),
    noticeVersion: trimmed(40).default(''),
    evidence: Evidence,
    ...RECORDED,
    /** given/renewed only: when the consent runs out (no 'expired' event is needed). */
    expiresAt: Instant.nullable().default(null),
    batchId: trimmed(64).nullable().default(null),
  })
  .refine((e) => e.expiresAt === null || e.expiresAt > e.at, { message: 'expiry', path: ['expiresAt'] });
export type ConsentEventPayload = z.infer<typeof ConsentEventPayload>;
export type ConsentEventInput = z.input<typeof ConsentEventPayload>;
export const CONSENT_EVENT = ledgerKind('consent-event', ConsentEventPayload);

export const NOTICE_METHODS = ['email', 'post', 'web', 'in_person', 'phone', 'paper'] as const;
export const NoticeReceiptPayload = z.object({
  noticeId: SettingId,
  version: trimmed(40).min(1, 'version'),
  receivedAt: Instant,
  method: z.enum(NOTICE_METHODS),
  ...RECORDED,
});
export type NoticeReceiptPayload = z.infer<typeof NoticeReceiptPayload>;
export const NOTICE_RECEIPT = ledgerKind('notice-receipt', NoticeReceiptPayload);

export const SUBSCRIPTION_EVENT_TYPES = ['subscribed', 'unsubscribed', 'pending', 'confirmed'] as const;
export const SUBSCRIPTION_ORIGINS = [
  'manual',
  'web_form',
  'email',
  'import',
  'bulk',
  'business_card',
] as const;
export const SubscriptionOrigin = z.enum(SUBSCRIPTION_ORIGINS);
export type SubscriptionOrigin = z.infer<typeof SubscriptionOrigin>;
/** Origins that are the person's own request: only these may subscribe someone who unsubscribed. */
export const SELF_REQUEST_ORIGINS: readonly SubscriptionOrigin[] = ['manual', 'web_form', 'email'];

export const SubscriptionEventPayload = z.object({
  subscriptionTypeId: SettingId,
  type: z.enum(SUBSCRIPTION_EVENT_TYPES),
  at: Instant,
  origin: SubscriptionOrigin,
  /** pending/confirmed: when the double opt-in was requested. */
  requestedAt: Instant.nullable().default(null),
  evidence: Evidence,
  ...RECORDED,
  batchId: trimmed(64).nullable().default(null),
});
export type SubscriptionEventPayload = z.infer<typeof SubscriptionEventPayload>;
export const SUBSCRIPTION_EVENT = ledgerKind('subscription-event', SubscriptionEventPayload);

// ---------------------------------------------------------------------------------------------------
// Derived states
// ---------------------------------------------------------------------------------------------------

export type ConsentState = 'none' | 'given' | 'withdrawn' | 'expired';
export interface ConsentStatus {
  readonly state: ConsentState;
  /** The event that decided the state (null for 'none'). */
  readonly eventId: string | null;
  /** When the state began (for expiry without an event: the expiry time). */
  readonly since: number | null;
  readonly expiresAt: number | null;
}

export type SubscriptionState = 'none' | 'pending' | 'subscribed' | 'unsubscribed';
export interface SubscriptionStatus {
  readonly state: SubscriptionState;
  readonly eventId: string | null;
  readonly since: number | null;
  readonly requestedAt: number | null;
  readonly confirmedAt: number | null;
}

/** Everything the gate needs about one person; the ledgers are this person's entries only. */
export interface PersonFacts {
  readonly personId: string;
  /** Erased (Art. 17), or no longer present. */
  readonly erased: boolean;
  readonly contact: { readonly email: boolean; readonly phone: boolean; readonly post: boolean };
  readonly bases: readonly LedgerEntry<PurposeBasisPayload>[];
  readonly consents: readonly LedgerEntry<ConsentEventPayload>[];
  readonly subscriptions: readonly LedgerEntry<SubscriptionEventPayload>[];
  readonly objections: readonly LedgerEntry<ObjectionPayload>[];
  readonly restrictions: readonly LedgerEntry<RestrictionPayload>[];
}

// ---------------------------------------------------------------------------------------------------
// The purpose gate
// ---------------------------------------------------------------------------------------------------

/** Why a person is left out, in the order the gate checks them (the first that applies is given). */
export const EXCLUSION_REASONS = [
  'erased',
  'restricted',
  'channel-not-allowed',
  'no-basis',
  'objected',
  'consent-missing',
  'consent-withdrawn',
  'consent-expired',
  'unsubscribed',
  'not-subscribed',
  'no-contact-for-channel',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface GateQuery {
  readonly purpose: { readonly id: string; readonly data: PurposePayload };
  readonly channel: Channel;
  readonly now: number;
  /** Subscription types that count for this purpose (one chosen, or all linked to it). */
  readonly subscriptionTypeIds: readonly string[];
}

export type GateDecision =
  { readonly eligible: true } | { readonly eligible: false; readonly reason: ExclusionReason };

export interface GateResult {
  readonly eligible: string[];
  readonly excluded: { personId: string; reason: ExclusionReason }[];
  /** Excluded people per reason. */
  readonly counts: Partial<Record<ExclusionReason, number>>;
}

export interface RunGateInput {
  readonly purposeId: string;
  readonly channel: Channel;
  /** Only this list; otherwise every list of the purpose counts. */
  readonly subscriptionTypeId?: string;
  /** Only these people; otherwise everybody in the vault. */
  readonly personIds?: readonly string[];
}

export interface ProgressOptions {
  readonly onProgress?: (progress: { done: number; total: number }) => void;
  readonly signal?: AbortSignal;
  /** Decision time (default Date.now()). */
  readonly now?: number;
}

// ---------------------------------------------------------------------------------------------------
// Subscribing
// ---------------------------------------------------------------------------------------------------

export interface SubscribeRequest {
  readonly subscriptionTypeId: string;
  readonly origin: SubscriptionOrigin;
  readonly evidence?: z.input<typeof Evidence>;
  readonly at?: number;
  readonly batchId?: string | null;
}

export type SubscribeSkipReason =
  | 'unsubscribed'
  | 'evidence-required'
  | 'already-subscribed'
  | 'already-pending'
  | 'already-unsubscribed'
  | 'not-pending'
  | 'unknown-subscription-type';

export type SubscribeResult =
  | { readonly status: 'written'; readonly eventId: string; readonly type: SubscriptionEventPayload['type'] }
  | { readonly status: 'skipped'; readonly reason: SubscribeSkipReason };

// ---------------------------------------------------------------------------------------------------
// Privacy notices due (Art. 14(3)(a))
// ---------------------------------------------------------------------------------------------------

export type NoticeStatus =
  | { readonly state: 'not-required' }
  | {
      readonly state: 'received';
      readonly noticeId: string;
      readonly version: string;
      readonly receivedAt: number;
    }
  | { readonly state: 'due'; readonly dueOn: string; readonly overdue: boolean; readonly daysLeft: number };
