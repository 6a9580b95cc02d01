// Value types shared by people and organisations, validated after decryption.
import { z } from 'zod';

export const trimmed = (max: number) => z.string().trim().max(max);

export const ContactLabel = z.enum(['work', 'home', 'mobile', 'other']);
export type ContactLabel = z.infer<typeof ContactLabel>;

export const Email = z.object({
  value: z.string().trim().toLowerCase().email().max(254),
  label: ContactLabel.default('work'),
});
export type Email = z.infer<typeof Email>;

export const Phone = z.object({
  value: trimmed(40).regex(/^\+?[0-9 ()./-]{3,40}$/, 'phone'),
  label: ContactLabel.default('work'),
});
export type Phone = z.infer<typeof Phone>;

export const PostalAddress = z.object({
  street: trimmed(200).default(''),
  postalCode: trimmed(20).default(''),
  city: trimmed(100).default(''),
  region: trimmed(100).default(''),
  /** ISO 3166-1 alpha-2, or empty. */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, 'country')
    .default(''),
});
export type PostalAddress = z.infer<typeof PostalAddress>;
/** The parts of a postal address in the schema's order, which imports and exports list them in. */
export const ADDRESS_PARTS = PostalAddress.keyof().options;

export const Tags = z.array(trimmed(50).min(1)).max(50).default([]);

/**
 * How we came to hold the data: GDPR Art. 14 requires telling a person the source when the data was not
 * collected from them, within one month.
 */
export const SourceMethod = z.enum([
  'collected_from_person',
  'business_card',
  'import',
  'referral',
  'public_source',
  'other',
]);
export type SourceMethod = z.infer<typeof SourceMethod>;

export const DataSource = z.object({
  method: SourceMethod,
  description: trimmed(500).default(''),
  /** ISO date (YYYY-MM-DD) when the data was obtained. */
  obtainedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
});
export type DataSource = z.infer<typeof DataSource>;

/** A moment (ms since epoch) that is now unless the caller gives it: a record's creation, an entry's time. */
export const nowByDefault = () =>
  z
    .number()
    .int()
    .nonnegative()
    .default(() => Date.now());

/**
 * The subject a deal or a case is stored under (and encrypted with the key of): its organisation when it
 * has one, else its person; `what` names the item in the error when it has neither.
 */
export const linkedSubjectId = (
  item: { readonly organisationId: string | null; readonly personId: string | null },
  what: string,
): string => {
  const subjectId = item.organisationId ?? item.personId;
  if (!subjectId) throw new Error(`A ${what} needs an organisation or a person`);
  return subjectId;
};

/** Record ids are random and carry no personal data, so they may be stored and logged in the clear. */
export const RecordId = z.string().regex(/^[a-z0-9]{8,64}$/);

/** How a subject record (a person or an organisation) is reached: its email addresses, phones and address. */
export const CONTACT_FIELDS = {
  emails: z.array(Email).max(20).default([]),
  phones: z.array(Phone).max(20).default([]),
  address: PostalAddress.nullable().default(null),
};

/** What every subject record ends with: tags, notes, where it came from, custom fields, when created. */
export const SUBJECT_RECORD_TAIL = {
  tags: Tags,
  notes: trimmed(20_000).default(''),
  source: DataSource,
  /** Custom fields: definition id -> value; defined in shared/processing-record/custom-fields.ts. */
  custom: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/), trimmed(2000)).default({}),
  /**
   * The account owner: the member's user id ('local' for an unlinked vault's owner), set to whoever
   * creates the record unless given. Null on records from before owners (a zod default, as `custom` was
   * added: no payload version, so older records read as unowned).
   */
  ownerId: z.string().min(1).max(64).nullable().default(null),
  // Set by the repository on create when the caller leaves it out.
  createdAt: nowByDefault(),
};
