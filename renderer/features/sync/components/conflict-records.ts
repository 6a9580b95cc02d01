// How a conflict's losing value goes back into its record, and which form label names its field, for
// every kind that keeps conflicts: people, organisations and their items (deals, cases, activities...).
import type { z } from 'zod';
import { ACTIVITY_ITEMS } from '../../../../shared/activities';
import { CASE_CONFIG, CASE_ENTRY_CONFIG } from '../../../../shared/cases';
import { DEAL_CONFIG } from '../../../../shared/deals';
import { TASK_ITEMS } from '../../../../shared/tasks';
import type { ItemKindConfig } from '../../../../shared/store';
import type { Session } from '../../../../shared/vault';
import type { Conflict } from '../hooks/useConflicts';

type AnyItemConfig = ItemKindConfig<z.ZodType<Record<string, unknown>>>;

const ITEM_CONFIGS: ReadonlyMap<string, AnyItemConfig> = new Map(
  [ACTIVITY_ITEMS, TASK_ITEMS, DEAL_CONFIG, CASE_CONFIG, CASE_ENTRY_CONFIG].map(
    (config) => [config.kind, config as unknown as AnyItemConfig] as const,
  ),
);

/** Items shown with their subject's conflicts: they have no page of their own. */
export const SUBJECT_ITEM_KINDS: ReadonlySet<string> = new Set([
  ACTIVITY_ITEMS.kind,
  TASK_ITEMS.kind,
  CASE_ENTRY_CONFIG.kind,
]);

/** Writes the losing value into the item; the repository validates it as any other edit. */
export const applyItemConflict = async (session: Session, conflict: Conflict): Promise<void> => {
  const config = ITEM_CONFIGS.get(conflict.recordKind);
  if (!config) throw new Error(`No item kind ${conflict.recordKind}`);
  await session.items(config).update(conflict.recordId, (current) => ({
    ...current,
    [conflict.field]: conflict.losingValue,
  }));
};

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
