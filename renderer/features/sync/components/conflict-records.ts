// Which form label names a conflicting field, for every kind that keeps conflicts: people, organisations
// and their items (deals, cases, activities...). The core writes the value back (shared/sync).
import type { Conflict } from '../hooks/useConflicts';

/** Form labels (translation keys) of the fields that can conflict, per record kind. */
export const FIELD_KEYS = {
  person: {
    givenName: 'fields.givenName',
    familyName: 'fields.familyName',
    jobTitle: 'fields.jobTitle',
    emails: 'fields.email',
    phones: 'fields.phone',
    address: 'fields.address',
    organisationId: 'fields.organisation',
    tags: 'fields.tags',
    notes: 'fields.notes',
  },
  organisation: {
    name: 'fields.name',
    website: 'fields.website',
    emails: 'fields.email',
    phones: 'fields.phone',
    address: 'fields.address',
    registrationNumber: 'fields.registrationNumber',
    tags: 'fields.tags',
    notes: 'fields.notes',
  },
  deal: {
    title: 'deals.fields.title',
    stageId: 'deals.fields.stage',
    value: 'deals.fields.value',
    currency: 'deals.fields.currency',
    expectedCloseDate: 'deals.fields.expectedCloseDate',
    probability: 'deals.fields.probability',
    ownerId: 'deals.fields.owner',
    personId: 'deals.fields.person',
    notes: 'deals.fields.notes',
  },
  case: {
    subject: 'cases.fields.subject',
    description: 'cases.fields.description',
    assigneeId: 'cases.fields.assignee',
    personId: 'cases.fields.person',
  },
  activity: {
    type: 'activities.fields.type',
    title: 'activities.fields.title',
    occurredAt: 'activities.fields.when',
    durationMinutes: 'activities.fields.duration',
    direction: 'activities.fields.direction',
    body: 'activities.fields.body',
    participantIds: 'activities.fields.participants',
  },
} as const;

export type FieldKey = {
  [K in keyof typeof FIELD_KEYS]: (typeof FIELD_KEYS)[K][keyof (typeof FIELD_KEYS)[K]];
}[keyof typeof FIELD_KEYS];

/** The translation key of a conflicting field, or null when the form has no label for it. */
export const fieldKey = (conflict: Conflict): FieldKey | null => {
  const labels = (FIELD_KEYS as Partial<Record<string, Partial<Record<string, FieldKey>>>>)[
    conflict.recordKind
  ];
  return labels?.[conflict.field] ?? null;
};
