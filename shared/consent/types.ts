// Public face of the consent core (issue 5): the purposes register, the per-person ledgers (lawful
// basis, consent, objections, restriction, privacy notices received, subscriptions) and the shapes the
// purpose gate, bulk update and receipts work with. Every ledger is append-only: state is always derived
// from the events, by event time then id, so every device derives the same state after sync.
import { z } from 'zod';
import { trimmed } from '../people/contact-values';

// ---------------------------------------------------------------------------------------------------
// Vocabulary (GDPR.md)
// ---------------------------------------------------------------------------------------------------

/** Art. 6(1)(a)–(f). */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export const LawfulBasis = z.enum(LAWFUL_BASES);
export type LawfulBasis = z.infer<typeof LawfulBasis>;

export const CHANNELS = ['email', 'phone', 'post', 'sms', 'in_person'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'professional',
  'unique_identifiers',
  'financial',
  'behavioural',
  'communications',
  'special_category',
] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;

/** How a consent was given or withdrawn (Art. 7(1): demonstrable — how). */
export const CONSENT_METHODS = ['web_form', 'email', 'phone', 'paper', 'business_card', 'in_person'] as const;
export const ConsentMethod = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** Text stored in both interface languages. */
export const Localized = (max: number) =>
  z.object({ en: trimmed(max).default(''), nl: trimmed(max).default('') });
export type Localized = { en: string; nl: string };

/** Ids of settings: random ids, or the fixed ids of seeded defaults ('purpose-e-marketing'). */
export const SettingId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'id');
/** Ids of people and items (random, no personal data). */
export const ItemRef = z.string().regex(/^[a-z0-9]{8,64}$/, 'id');
/** Epoch milliseconds. */
export const Instant = z.number().int().nonnegative();
/** ISO date YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** Who recorded an entry and on which device (Art. 7(1), Art. 5(2)). */
export interface Actor {
  readonly userId: string;
  readonly deviceId: string;
}
const recordedBy = trimmed(64).min(1, 'recorded_by');
const deviceId = trimmed(64).min(1, 'device_id');

// ---------------------------------------------------------------------------------------------------
// Settings: purposes register, subscription types, privacy notices, controller
// ---------------------------------------------------------------------------------------------------

export const RETENTION_TRIGGERS = [
  'end_of_relationship',
  'last_contact',
  'collection',
  'consent_withdrawn',
  'contract_end',
] as const;
export const RetentionTrigger = z.enum(RETENTION_TRIGGERS);
export type RetentionTrigger = z.infer<typeof RetentionTrigger>;

export const PurposePayload = z
  .object({
    name: Localized(120),
    description: Localized(2000).default({ en: '', nl: '' }),
    lawfulBasis: LawfulBasis,
    /** Legitimate interests: the summary of the balancing test (purpose, necessity, balance). */
    balancingTest: trimmed(4000).default(''),
    /**
     * true: the register's basis applies to every person (e.g. legitimate interests for B2B contacts);
     * false: each person needs a basis recorded for this purpose ('purpose-basis' items) or consent.
     */
    appliesToAll: z.boolean().default(false),
    /** Direct marketing: an objection stops it at once, unconditionally (Art. 21(2)–(3)). */
    directMarketing: z.boolean().default(false),
    dataCategories: z.array(DataCategory).max(DATA_CATEGORIES.length).default([]),
    /** Art. 9(2) exception, required when special-category data is processed. */
    specialCategoryException: trimmed(1000).default(''),
    categoriesOfSubjects: z.array(trimmed(100).min(1)).max(20).default([]),
    recipients: z.array(trimmed(200).min(1)).max(50).default([]),
    thirdCountryTransfers: z
      .array(
        z.object({ country: trimmed(100).min(1, 'country'), safeguard: trimmed(500).min(1, 'safeguard') }),
      )
      .max(50)
      .default([]),
    retention: z
      .object({
        text: Localized(1000),
        /** null: no fixed period (the text says the criteria). */
        months: z.number().int().positive().max(1200).nullable().default(null),
        trigger: RetentionTrigger.default('end_of_relationship'),
      })
      .default({ text: { en: '', nl: '' }, months: null, trigger: 'end_of_relationship' }),
    securityMeasures: z.array(trimmed(300).min(1)).max(50).default([]),
    channels: z.array(Channel).max(CHANNELS.length).default([]),
    requiresSubscription: z.boolean().default(false),
    /** Kantara purposeCategory values; derived from the basis when empty. */
    purposeCategory: z.array(trimmed(100).min(1)).max(10).default([]),
    active: z.boolean().default(true),
  })
  .refine((p) => p.name.en.length > 0 || p.name.nl.length > 0, { message: 'name', path: ['name'] })
  .refine((p) => p.lawfulBasis !== 'legitimate_interests' || p.balancingTest.length > 0, {
    message: 'balancing_test',
    path: ['balancingTest'],
  })
  .refine((p) => !p.dataCategories.includes('special_category') || p.specialCategoryException.length > 0, {
    message: 'special_category_exception',
    path: ['specialCategoryException'],
  });
export type PurposePayload = z.infer<typeof PurposePayload>;
export type PurposeInput = z.input<typeof PurposePayload>;
export const PURPOSE = { kind: 'purpose', version: 1, schema: PurposePayload } as const;

export const SubscriptionTypePayload = z.object({
  name: Localized(120).refine((n) => n.en.length > 0 || n.nl.length > 0, 'name'),
  description: Localized(1000).default({ en: '', nl: '' }),
  purposeId: SettingId,
  /** Subscribing writes 'pending' until the person confirms (double opt-in). */
  doubleOptIn: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type SubscriptionTypePayload = z.infer<typeof SubscriptionTypePayload>;
export const SUBSCRIPTION_TYPE = {
  kind: 'subscription-type',
  version: 1,
  schema: SubscriptionTypePayload,
} as const;

/** One version of the privacy notice (Art. 13/14); each version is its own setting, never rewritten. */
export const PrivacyNoticePayload = z.object({
  version: trimmed(40).min(1, 'version'),
  publishedOn: IsoDate,
  text: Localized(100_000),
  url: trimmed(500).default(''),
});
export type PrivacyNoticePayload = z.infer<typeof PrivacyNoticePayload>;
export type PrivacyNoticeInput = z.input<typeof PrivacyNoticePayload>;
export const PRIVACY_NOTICE = { kind: 'privacy-notice', version: 1, schema: PrivacyNoticePayload } as const;

/** The controller (Art. 30(1)(a)); one document with the fixed id CONTROLLER_ID. */
export const ControllerPayload = z.object({
  name: trimmed(200).min(1, 'name'),
  address: trimmed(500).default(''),
  email: z.string().trim().toLowerCase().email().max(254).or(z.literal('')).default(''),
  phone: trimmed(40).default(''),
  website: trimmed(300).default(''),
  /** Contact point for data protection questions (Art. 33(3)(b), 30(1)(a)). */
  contact: trimmed(200).default(''),
  dpo: z
    .object({
      name: trimmed(200).default(''),
      email: trimmed(254).default(''),
      phone: trimmed(40).default(''),
    })
    .nullable()
    .default(null),
  representative: trimmed(300).default(''),
  jointControllers: z.array(trimmed(300).min(1)).max(20).default([]),
  /** ISO 3166-1 alpha-2 of the jurisdiction, e.g. 'NL'. */
  jurisdiction: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country')
    .default('NL'),
  privacyPolicyUrl: trimmed(500).default(''),
  supervisoryAuthority: trimmed(200).default('Autoriteit Persoonsgegevens'),
  /** Where the data is kept, for ISO/IEC TS 27560 'storage locations'. */
  storageLocations: z.array(trimmed(200).min(1)).max(20).default([]),
  /** How a person withdraws consent (Art. 7(3)), for receipts. */
  withdrawalMethod: trimmed(500).default(''),
});
export type ControllerPayload = z.infer<typeof ControllerPayload>;
export type ControllerInput = z.input<typeof ControllerPayload>;
export const CONTROLLER = { kind: 'controller', version: 1, schema: ControllerPayload } as const;
export const CONTROLLER_ID = 'controller';

// ---------------------------------------------------------------------------------------------------
// Items about a person: the ledgers (all append-only)
// ---------------------------------------------------------------------------------------------------

/** The basis that applies to one person for one purpose; the latest (at, id) wins; null clears it. */
export const PurposeBasisPayload = z.object({
  purposeId: SettingId,
  basis: LawfulBasis.nullable(),
  note: trimmed(2000).default(''),
  at: Instant,
  recordedBy,
  deviceId,
  batchId: trimmed(64).nullable().default(null),
});
export type PurposeBasisPayload = z.infer<typeof PurposeBasisPayload>;
export const PURPOSE_BASIS = {
  kind: 'purpose-basis',
  version: 1,
  schema: PurposeBasisPayload,
  appendOnly: true,
} as const;

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
    recordedBy,
    deviceId,
    /** given/renewed only: when the consent runs out (no 'expired' event is needed). */
    expiresAt: Instant.nullable().default(null),
    batchId: trimmed(64).nullable().default(null),
  })
  .refine((e) => e.expiresAt === null || e.expiresAt > e.at, { message: 'expiry', path: ['expiresAt'] });
export type ConsentEventPayload = z.infer<typeof ConsentEventPayload>;
export type ConsentEventInput = z.input<typeof ConsentEventPayload>;
export const CONSENT_EVENT = {
  kind: 'consent-event',
  version: 1,
  schema: ConsentEventPayload,
  appendOnly: true,
} as const;

/**
 * Art. 21 objections. scope 'direct_marketing' covers every purpose with directMarketing; scope 'purpose'
 * one purpose. 'overridden' records compelling legitimate grounds (never for direct marketing, Art. 21(3));
 * 'lifted' records that the person withdrew the objection.
 */
export const OBJECTION_TYPES = ['objected', 'overridden', 'lifted'] as const;
/** upheld: processing for the purpose stops; overridden: compelling legitimate grounds win. */
export const OBJECTION_OUTCOMES = ['upheld', 'overridden'] as const;
export const ObjectionAssessment = z
  .object({
    /** The grounds relating to the person's particular situation, as they gave them. */
    personGrounds: trimmed(4000).min(1, 'person_grounds'),
    /** The company's compelling legitimate grounds (required when the objection is overridden). */
    compellingGrounds: trimmed(4000).default(''),
    outcome: z.enum(OBJECTION_OUTCOMES),
    decidedBy: trimmed(64).min(1, 'decided_by'),
    decidedAt: Instant,
  })
  .refine((a) => a.outcome !== 'overridden' || a.compellingGrounds.length > 0, {
    message: 'compelling_grounds',
    path: ['compellingGrounds'],
  });
export type ObjectionAssessment = z.infer<typeof ObjectionAssessment>;
export const ObjectionPayload = z
  .object({
    type: z.enum(OBJECTION_TYPES),
    scope: z.enum(['direct_marketing', 'purpose']),
    purposeId: SettingId.nullable().default(null),
    at: Instant,
    method: ConsentMethod,
    grounds: trimmed(4000).default(''),
    requestId: trimmed(64).nullable().default(null),
    recordedBy,
    deviceId,
    /** Art. 21(1): the decision on an objection to legitimate-interest (or public-task) processing. */
    assessment: ObjectionAssessment.optional(),
  })
  .refine((o) => o.scope !== 'purpose' || o.purposeId !== null, { message: 'purpose', path: ['purposeId'] })
  // Direct marketing is never weighed: the objection stops it, unconditionally (Art. 21(3)).
  .refine((o) => !o.assessment || o.scope === 'purpose', {
    message: 'direct_marketing',
    path: ['assessment'],
  })
  .refine((o) => !o.assessment || (o.assessment.outcome === 'overridden') === (o.type === 'overridden'), {
    message: 'outcome',
    path: ['assessment', 'outcome'],
  })
  .refine((o) => !o.assessment || o.type !== 'lifted', { message: 'outcome', path: ['assessment'] })
  .refine((o) => o.type !== 'overridden' || o.scope === 'purpose', {
    message: 'direct_marketing',
    path: ['type'],
  })
  .refine((o) => o.type !== 'overridden' || o.grounds.length > 0, { message: 'grounds', path: ['grounds'] });
export type ObjectionPayload = z.infer<typeof ObjectionPayload>;
export const OBJECTION = {
  kind: 'objection',
  version: 1,
  schema: ObjectionPayload,
  appendOnly: true,
} as const;

/** Art. 18 restriction marker. The latest (at, id) at a time decides (see shared/restriction/restriction.ts). */
export const RESTRICTION_REASONS = [
  'accuracy_contested',
  'unlawful_processing',
  'legal_claims',
  'objection_pending',
  'other',
] as const;
export const RestrictionPayload = z.object({
  type: z.enum(['restricted', 'lifted']),
  reason: z.enum(RESTRICTION_REASONS).default('other'),
  at: Instant,
  requestId: trimmed(64).nullable().default(null),
  note: trimmed(2000).default(''),
  recordedBy,
  deviceId,
  /**
   * 'restricted' only: the record's fields the person asked us to change while processing is restricted
   * (e.g. the contested email address); every other field is read-only. Absent or empty: none.
   */
  editableFields: z.array(trimmed(64).min(1)).max(50).optional(),
});
export type RestrictionPayload = z.infer<typeof RestrictionPayload>;
export const RESTRICTION = {
  kind: 'restriction',
  version: 1,
  schema: RestrictionPayload,
  appendOnly: true,
} as const;

export const NOTICE_METHODS = ['email', 'post', 'web', 'in_person', 'phone', 'paper'] as const;
export const NoticeReceiptPayload = z.object({
  noticeId: SettingId,
  version: trimmed(40).min(1, 'version'),
  receivedAt: Instant,
  method: z.enum(NOTICE_METHODS),
  recordedBy,
  deviceId,
});
export type NoticeReceiptPayload = z.infer<typeof NoticeReceiptPayload>;
export const NOTICE_RECEIPT = {
  kind: 'notice-receipt',
  version: 1,
  schema: NoticeReceiptPayload,
  appendOnly: true,
} as const;

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
  recordedBy,
  deviceId,
  batchId: trimmed(64).nullable().default(null),
});
export type SubscriptionEventPayload = z.infer<typeof SubscriptionEventPayload>;
export const SUBSCRIPTION_EVENT = {
  kind: 'subscription-event',
  version: 1,
  schema: SubscriptionEventPayload,
  appendOnly: true,
} as const;

// ---------------------------------------------------------------------------------------------------
// Derived states
// ---------------------------------------------------------------------------------------------------

/** An entry of a ledger as the derivations need it: the item id breaks ties between equal times. */
export interface LedgerEntry<P> {
  readonly id: string;
  readonly data: P;
}

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

export type ObjectionState = 'none' | 'objected' | 'overridden';
export type BasisSource = 'person' | 'register' | 'none';
export interface BasisStatus {
  readonly basis: LawfulBasis | null;
  readonly source: BasisSource;
  readonly eventId: string | null;
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
// Bulk update
// ---------------------------------------------------------------------------------------------------

export type BulkOperation =
  | {
      readonly type: 'set-fields';
      readonly jobTitle?: string;
      readonly organisationId?: string | null;
      readonly tagsAdd?: readonly string[];
      readonly tagsRemove?: readonly string[];
    }
  | {
      readonly type: 'set-basis';
      readonly purposeId: string;
      readonly basis: LawfulBasis | null;
      readonly note?: string;
    }
  | {
      readonly type: 'consent';
      readonly purposeId: string;
      readonly event: ConsentEventType;
      readonly method: ConsentMethod;
      readonly noticeId?: string | null;
      readonly noticeVersion?: string;
      readonly evidence?: z.input<typeof Evidence>;
      readonly expiresAt?: number | null;
    }
  | { readonly type: 'subscribe'; readonly subscriptionTypeId: string }
  | { readonly type: 'unsubscribe'; readonly subscriptionTypeId: string };

export type BulkSkipReason = 'erased' | 'restricted' | 'unsubscribed' | 'no-change' | 'invalid';

export interface BulkPlan {
  readonly total: number;
  /** People the operation would change. */
  readonly change: string[];
  readonly skipped: { personId: string; reason: BulkSkipReason }[];
  readonly counts: Partial<Record<BulkSkipReason, number>>;
}

export interface BulkReport extends BulkPlan {
  readonly batchId: string;
  /** People actually changed (== change unless aborted). */
  readonly changed: string[];
  readonly aborted: boolean;
}

export interface BulkOptions extends ProgressOptions {
  readonly batchId?: string;
  /** People per chunk between yields to the event loop (default 500). */
  readonly chunkSize?: number;
}

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
