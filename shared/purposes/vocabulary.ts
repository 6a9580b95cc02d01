// The words every GDPR record uses (GDPR.md): lawful bases, channels, data categories, how a person told
// us, texts in both interface languages, ids and times, and who recorded an entry on which device.
import { z } from 'zod';
import { trimmed } from '../people';

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

/** The categories' names in the documents Kluis writes (the record of processing, a breach report). */
export const DATA_CATEGORY_NAMES: Readonly<Record<'en' | 'nl', Readonly<Record<DataCategory, string>>>> = {
  en: {
    identity: 'Identity',
    contact: 'Contact details',
    professional: 'Professional',
    unique_identifiers: 'Unique identifiers',
    financial: 'Financial',
    behavioural: 'Behavioural',
    communications: 'Communications',
    special_category: 'Special category (Art. 9)',
  },
  nl: {
    identity: 'Identiteit',
    contact: 'Contactgegevens',
    professional: 'Beroepsgegevens',
    unique_identifiers: 'Unieke identificatoren',
    financial: 'Financieel',
    behavioural: 'Gedrag',
    communications: 'Communicatie',
    special_category: 'Bijzondere categorie (art. 9)',
  },
};

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
/** The user who recorded a ledger entry. */
export const RecordedBy = trimmed(64).min(1, 'recorded_by');
/** The device the entry was recorded on. */
export const DeviceId = trimmed(64).min(1, 'device_id');

/** What the ledger recorder stamps on every entry (appendEntry): who recorded it, on which device. */
export const RECORDED = { recordedBy: RecordedBy, deviceId: DeviceId };
