// Which of the Dutch authority's kinds of data (and GDPR.md's categories) a record shows: per catalogued
// field of a person or organisation, and per kind of item that reveals data just by existing.
import { FIELD_CATALOGUE, type CataloguedKind } from '../processing-record';
import { BREACH_DATA_KINDS, type BreachDataKind } from './types';
import type { DataCategory } from '../purposes';

/** Which form data kind each catalogued field falls under; null: bookkeeping the form does not ask about. */
export const FIELD_KINDS: Record<CataloguedKind, Record<string, BreachDataKind | null>> = {
  person: {
    givenName: 'name_address',
    familyName: 'name_address',
    address: 'name_address',
    emails: 'email',
    phones: 'phone',
    jobTitle: 'other',
    organisationId: 'other',
    tags: 'other',
    notes: 'other',
    source: null,
    createdAt: null,
  },
  organisation: {
    name: 'name_address',
    address: 'name_address',
    emails: 'email',
    phones: 'phone',
    website: 'other',
    registrationNumber: 'other',
    tags: 'other',
    notes: 'other',
    source: null,
    createdAt: null,
  },
};

/** Items about a subject that reveal data of a category by being there (their fields are not opened). */
export const ITEM_KINDS: Record<string, { kind: BreachDataKind; category: DataCategory }> = {
  activity: { kind: 'other', category: 'communications' },
  task: { kind: 'other', category: 'communications' },
  case: { kind: 'other', category: 'communications' },
  'case-entry': { kind: 'other', category: 'communications' },
  deal: { kind: 'financial', category: 'financial' },
};

export const filled = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(filled);
  return true;
};

/** The form's kinds of data a subject's record holds (non-empty fields), in the form's order. */
export const recordDataKinds = (kind: CataloguedKind, data: Record<string, unknown>): BreachDataKind[] => {
  const found = new Set<BreachDataKind>();
  for (const [field, { category }] of Object.entries(
    FIELD_CATALOGUE[kind] as Record<string, { category: DataCategory | null }>,
  )) {
    const mapped = FIELD_KINDS[kind][field];
    const k = mapped === undefined ? 'other' : mapped;
    if (category && k && filled(data[field])) found.add(k);
  }
  return BREACH_DATA_KINDS.filter((k) => found.has(k));
};
