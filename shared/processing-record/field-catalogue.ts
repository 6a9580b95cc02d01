// The field catalogue: for every field of a person and an organisation, whether it is personal data,
// its data category, and so — through the purposes register — which purposes justify holding it and on
// which lawful basis. It answers "why do we hold this?" and feeds the record of processing. A test checks
// that every field of the schemas is catalogued, so a new field cannot be added without a category.
import type { DataCategory } from '../purposes';
import type { PurposePayload } from '../purposes';

export interface FieldEntry {
  /** null: not personal data (our own bookkeeping, e.g. when the record was created). */
  readonly category: DataCategory | null;
  /** The custom fields' values: each one's category and purposes come from its definition. */
  readonly custom?: true;
}

/** The fields both kinds of subject record have (people/contact-values.ts: CONTACT_FIELDS, SUBJECT_RECORD_TAIL). */
const CONTACT = {
  emails: { category: 'contact' },
  phones: { category: 'contact' },
  address: { category: 'contact' },
} as const;
const TAIL = {
  tags: { category: 'behavioural' },
  notes: { category: 'communications' },
  source: { category: 'identity' },
  custom: { category: null, custom: true },
  createdAt: { category: null },
  // Which colleague looks after the record: our own bookkeeping, nothing about the person it describes.
  ownerId: { category: null },
} as const;

export const PERSON_FIELDS = {
  givenName: { category: 'identity' },
  familyName: { category: 'identity' },
  ...CONTACT,
  jobTitle: { category: 'professional' },
  organisationId: { category: 'professional' },
  ...TAIL,
} as const satisfies Record<string, FieldEntry>;

export const ORGANISATION_FIELDS = {
  // A sole trader's trade name and contact details identify a person.
  name: { category: 'identity' },
  website: { category: 'contact' },
  ...CONTACT,
  registrationNumber: { category: 'unique_identifiers' },
  ...TAIL,
} as const satisfies Record<string, FieldEntry>;

export const FIELD_CATALOGUE = { person: PERSON_FIELDS, organisation: ORGANISATION_FIELDS } as const;
export type CataloguedKind = keyof typeof FIELD_CATALOGUE;

export interface FieldJustification {
  readonly field: string;
  readonly category: DataCategory | null;
  /** The active purposes that declare the field's category, with their lawful basis. */
  readonly purposes: readonly {
    readonly id: string;
    readonly name: PurposePayload['name'];
    readonly basis: PurposePayload['lawfulBasis'];
  }[];
}

/** A custom field's definition as justify needs it (custom-fields.ts has the full schema). */
export interface CustomFieldRef {
  readonly id: string;
  readonly data: {
    readonly entity: CataloguedKind;
    readonly label: PurposePayload['name'];
    readonly category: DataCategory;
    readonly purposeIds: readonly string[];
    readonly active: boolean;
  };
}

/**
 * Why each field of a kind is held: its category and the purposes that declare that category. A custom
 * field (field `custom.<id>`, with its label) is justified by the purposes its definition names.
 */
export const justify = (
  kind: CataloguedKind,
  purposes: readonly { readonly id: string; readonly data: PurposePayload }[],
  customFields: readonly CustomFieldRef[] = [],
): (FieldJustification & { readonly label?: PurposePayload['name'] })[] => {
  const active = purposes.filter((p) => p.data.active);
  const named = (p: (typeof purposes)[number]) => ({
    id: p.id,
    name: p.data.name,
    basis: p.data.lawfulBasis,
  });
  const builtIn = Object.entries(FIELD_CATALOGUE[kind] as Record<string, FieldEntry>)
    .filter(([, entry]) => !entry.custom)
    .map(([field, { category }]) => ({
      field,
      category,
      purposes: category ? active.filter((p) => p.data.dataCategories.includes(category)).map(named) : [],
    }));
  const custom = customFields
    .filter((f) => f.data.entity === kind && f.data.active)
    .map((f) => ({
      field: `custom.${f.id}`,
      label: f.data.label,
      category: f.data.category,
      purposes: active.filter((p) => f.data.purposeIds.includes(p.id)).map(named),
    }));
  return [...builtIn, ...custom];
};
