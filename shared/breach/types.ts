// The breach register (GDPR Art. 33/34): one compliance document per incident, notified or not (33(5)),
// encrypted with the organisation key and synced to admins only. The fields follow the Dutch authority's
// notification form (GDPR.md) so the report is a rendering of this document, never a second source.
import { z } from 'zod';
import { trimmed } from '../people';
import { DataCategory, ItemRef } from '../purposes';
import { sealedKind } from '../store';

export const BREACH_KIND = 'breach';
export const BREACH_VERSION = 1;

/** Art. 33(1): the authority is told within 72 hours of the company becoming aware. */
export const NOTIFY_WITHIN_MS = 72 * 60 * 60 * 1000;

/** The security property the breach hurt. */
export const BREACH_PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;
/** What happened to the data, in the form's words. */
export const BREACH_EVENTS = ['read', 'copied', 'changed', 'deleted', 'stolen'] as const;
/** The kinds of data the Dutch authority's form asks about, in its order. */
export const BREACH_DATA_KINDS = [
  'name_address',
  'phone',
  'email',
  'login',
  'financial',
  'national_id',
  'id_copies',
  'gender_birth_date',
  'special_categories',
  /** The form's "other data, namely": notes, job titles, deals and call notes, consent history. */
  'other',
] as const;
export type BreachDataKind = (typeof BREACH_DATA_KINDS)[number];
export const RISK_LEVELS = ['no_risk', 'risk', 'high_risk'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/** Art. 34(3): (a) unintelligible, (b) later measures removed the high risk, (c) disproportionate effort. */
export const PEOPLE_EXEMPTIONS = ['unintelligible', 'risk_removed', 'disproportionate_effort'] as const;
export const BREACH_SOURCES = ['device-loss', 'manual'] as const;
/**
 * How the lost device kept its unlock key: with 'passphrase_only' the vault's keys were never on the disk
 * in the clear (Argon2id-wrapped), which supports the Art. 34(3)(a) exemption; with the OS keychain a
 * finder who can log in as the user can open it.
 */
export const KEY_PROTECTIONS = ['passphrase_only', 'keychain', 'unknown'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];

/** Affected subject ids kept in one document (the server takes payloads up to 1 MiB). */
export const MAX_AFFECTED = 20_000;

const Time = z.number().int().nonnegative().max(1e15);
const Count = z.number().int().nonnegative().max(1e9);
const Text = (max: number) => trimmed(max).default('');

/** What the drill computed from the device's exposure: counts only, no personal data. */
export const ExposureFigures = z.object({
  people: Count,
  organisations: Count,
  /** Documents per item kind (person, organisation, activity, deal...). */
  records: z.record(z.string().max(32), Count).default({}),
  /** People and organisations with at least one non-empty field (or item) of each form data kind. */
  dataKinds: z.partialRecord(z.enum(BREACH_DATA_KINDS), Count).default({}),
  /** The same per data category of the field catalogue (GDPR.md's categories). */
  categories: z.partialRecord(DataCategory, Count).default({}),
  /** Per catalogued field ('person.phones'): how many held a non-empty value. */
  fields: z.record(z.string().max(64), Count).default({}),
  /** Exposed documents this device could not map (deleted since, or no key here). */
  unmapped: Count.default(0),
  lastSyncAt: Time.nullable().default(null),
});
export type ExposureFigures = z.infer<typeof ExposureFigures>;

export const BreachPayload = z
  .object({
    title: trimmed(200).min(1, 'title'),
    source: z.enum(BREACH_SOURCES).default('manual'),
    description: Text(5000),
    /** When it happened (null: not known yet). */
    occurredAt: Time.nullable().default(null),
    /** When the company became aware: the 72-hour clock runs from here. */
    awareAt: Time,
    nature: z
      .object({
        properties: z.array(z.enum(BREACH_PROPERTIES)).max(3).default([]),
        events: z.array(z.enum(BREACH_EVENTS)).max(5).default([]),
      })
      .default({ properties: [], events: [] }),
    dataKinds: z.array(z.enum(BREACH_DATA_KINDS)).max(BREACH_DATA_KINDS.length).default([]),
    people: z
      .object({
        /** Who they are: customers, prospects, employees... */
        group: Text(500),
        min: Count.default(0),
        max: Count.default(0),
      })
      .refine((p) => p.min <= p.max, { message: 'min_max', path: ['max'] })
      .default({ group: '', min: 0, max: 0 }),
    records: Count.default(0),
    consequences: Text(5000),
    measuresTaken: Text(5000),
    measuresProposed: Text(5000),
    /** Art. 33(3)(b): the DPO or contact point, copied from the controller setting and editable. */
    contact: z
      .object({ name: Text(200), email: Text(254), phone: Text(40) })
      .default({ name: '', email: '', phone: '' }),
    beforehand: z
      .object({
        encrypted: z.boolean().default(true),
        keyProtection: z.enum(KEY_PROTECTIONS).default('unknown'),
        text: Text(2000),
      })
      .default({ encrypted: true, keyProtection: 'unknown', text: '' }),
    risk: z
      .object({ level: z.enum(RISK_LEVELS).nullable().default(null), reasons: Text(5000) })
      .default({ level: null, reasons: '' }),
    notifyAuthority: z
      .object({ decision: z.boolean().nullable().default(null), reasons: Text(5000) })
      .default({ decision: null, reasons: '' }),
    notifyPeople: z
      .object({
        decision: z.boolean().nullable().default(null),
        reasons: Text(5000),
        exemptions: z.array(z.enum(PEOPLE_EXEMPTIONS)).max(3).default([]),
      })
      .default({ decision: null, reasons: '', exemptions: [] }),
    /** Follow-up the form asks about: other countries concerned, remedies offered. */
    followUp: Text(5000),
    /** Art. 33(4): information given in phases. */
    updates: z
      .array(z.object({ at: Time, text: trimmed(5000).min(1, 'text') }))
      .max(200)
      .default([]),
    notifiedAuthorityAt: Time.nullable().default(null),
    /** Art. 33(1): the reasons for a notification later than 72 hours. */
    delayReason: Text(5000),
    peopleNotifiedAt: Time.nullable().default(null),
    closedAt: Time.nullable().default(null),
    /** For the Art. 34 letters; encrypted with the organisation key like the rest of this document. */
    affectedSubjectIds: z.array(ItemRef).max(MAX_AFFECTED).default([]),
    deviceId: z.string().max(64).nullable().default(null),
    exposure: ExposureFigures.nullable().default(null),
    createdAt: Time,
    createdBy: Text(64),
  })
  .refine((b) => b.occurredAt === null || b.occurredAt <= b.awareAt, {
    message: 'occurred_after_aware',
    path: ['occurredAt'],
  })
  .refine((b) => b.notifiedAuthorityAt === null || b.notifiedAuthorityAt >= b.awareAt, {
    message: 'notified_before_aware',
    path: ['notifiedAuthorityAt'],
  });
export type BreachPayload = z.infer<typeof BreachPayload>;
export type BreachInput = z.input<typeof BreachPayload>;

export const BREACH = sealedKind(BREACH_KIND, BreachPayload, BREACH_VERSION);
