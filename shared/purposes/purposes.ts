// The purposes register (Art. 30(1)(b)–(g), Art. 6): why personal data is processed, on which lawful basis,
// which categories, for how long; and the per-person ledger of the basis that applies for one purpose.
import { z } from 'zod';
import { trimmed } from '../people';
import { ledgerKind, timeline, type EntryAudit, type LedgerEntry } from './ledger';
import {
  Channel,
  CHANNELS,
  DATA_CATEGORIES,
  DataCategory,
  RECORDED,
  Instant,
  LawfulBasis,
  Localized,
  SettingId,
} from './vocabulary';
import { sealedKind } from '../store';

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
export const PURPOSE = sealedKind('purpose', PurposePayload);

/** The basis that applies to one person for one purpose; the latest (at, id) wins; null clears it. */
export const PurposeBasisPayload = z.object({
  purposeId: SettingId,
  basis: LawfulBasis.nullable(),
  note: trimmed(2000).default(''),
  at: Instant,
  ...RECORDED,
  batchId: trimmed(64).nullable().default(null),
});
export type PurposeBasisPayload = z.infer<typeof PurposeBasisPayload>;
export const PURPOSE_BASIS = ledgerKind('purpose-basis', PurposeBasisPayload);

export type BasisSource = 'person' | 'register' | 'none';
export interface BasisStatus {
  readonly basis: LawfulBasis | null;
  readonly source: BasisSource;
  readonly eventId: string | null;
}

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

/** The basis that applies to one person for one purpose (null: none any more), as purposes.recordBasis takes it. */
export interface BasisInput {
  readonly purposeId: string;
  readonly basis: PurposeBasisPayload['basis'];
  readonly note?: string;
  readonly at?: number;
}

export const basisEntry = (input: BasisInput) => ({
  purposeId: input.purposeId,
  basis: input.basis,
  note: input.note ?? '',
  at: input.at ?? Date.now(),
});

/** What the audit entry of a basis entry says: the purpose and the basis. */
export const basisAudit = (entry: PurposeBasisPayload): EntryAudit => ({
  action: 'consent',
  purposeId: entry.purposeId,
  details: { basis: entry.basis ?? 'none' },
});
