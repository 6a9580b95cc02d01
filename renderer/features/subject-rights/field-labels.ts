// The names the rights screens give a record's fields (history, restriction's editable fields); a field
// without a name here (e.g. a custom field) shows its key.
import type { TFunction } from 'i18next';

/** The person fields a restriction request can leave editable, in form order. */
export const PERSON_FIELDS = [
  'givenName',
  'familyName',
  'jobTitle',
  'organisationId',
  'emails',
  'phones',
  'address',
  'tags',
  'notes',
  'source',
  // The organisation's own fields (the custom-field catalogue), kept together in one record field.
  'custom',
] as const;

export const fieldLabel = (t: TFunction, field: string): string =>
  t(`subjectRights.fields.${field}`, { defaultValue: field });
