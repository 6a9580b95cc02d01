// Custom fields: an admin may add a field to people or organisations only by saying which data
// category it holds and which purposes justify it; a special-category field (Art. 9) also needs the
// recorded Art. 9(2) exception, as a purpose does. Definitions are settings (kind `custom-field`); the
// values live in the subject's payload under `custom` (field id -> text), encrypted with its data key.
import { z } from 'zod';
import { trimmed } from '../people';
import type { FieldIssue } from '../store';
import { FIELD_CATALOGUE, type CataloguedKind, type FieldEntry } from './field-catalogue';
import { DataCategory, Localized, SettingId } from '../purposes';
import { type PurposePayload } from '../purposes';
import { sealedKind } from '../store';

export const CUSTOM_VALUE_MAX = 2000;

export const CustomFieldPayload = z
  .object({
    entity: z.enum(['person', 'organisation']),
    label: Localized(100),
    category: DataCategory,
    purposeIds: z.array(SettingId).min(1, 'purposes').max(20),
    /** Art. 9(2) exception, required for a special-category field (the purposes register's rule). */
    specialCategoryException: trimmed(1000).default(''),
    active: z.boolean().default(true),
  })
  .refine((f) => f.label.en.length > 0 || f.label.nl.length > 0, { message: 'label', path: ['label'] })
  .refine((f) => f.category !== 'special_category' || f.specialCategoryException.length > 0, {
    message: 'special_category_exception',
    path: ['specialCategoryException'],
  });
export type CustomFieldPayload = z.infer<typeof CustomFieldPayload>;
export type CustomFieldInput = z.input<typeof CustomFieldPayload>;
export const CUSTOM_FIELD = sealedKind('custom-field', CustomFieldPayload);

/** The values in a person's or organisation's payload: field id -> text. */
export const CustomValues = z.record(SettingId, trimmed(CUSTOM_VALUE_MAX)).default({});
export type CustomValues = z.infer<typeof CustomValues>;

/**
 * Checks a definition against the register: every purpose must exist and be active. (The schema already
 * demands a category, a purpose and, for special categories, the exception.) Returns the issues found.
 */
export const checkCustomField = (
  field: CustomFieldPayload,
  purposes: readonly { readonly id: string; readonly data: PurposePayload }[],
): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  for (const id of field.purposeIds) {
    const purpose = purposes.find((p) => p.id === id);
    if (!purpose) issues.push({ path: 'purposeIds', code: 'unknown_purpose' });
    else if (!purpose.data.active) issues.push({ path: 'purposeIds', code: 'inactive_purpose' });
  }
  return issues;
};

const hasValue = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return true;
};

/** The data categories a record actually holds: catalogued fields with a value, and custom values. */
export const categoriesHeld = (
  kind: CataloguedKind,
  payload: Record<string, unknown>,
  customCategories?: ReadonlyMap<string, DataCategory>,
): Set<DataCategory> => {
  const held = new Set<DataCategory>();
  for (const [field, entry] of Object.entries(FIELD_CATALOGUE[kind] as Record<string, FieldEntry>)) {
    if (entry.category && field !== 'custom' && hasValue(payload[field])) held.add(entry.category);
  }
  const custom = payload.custom;
  if (custom && typeof custom === 'object') {
    for (const [id, value] of Object.entries(custom as Record<string, unknown>)) {
      const category = customCategories?.get(id);
      if (category && hasValue(value)) held.add(category);
    }
  }
  return held;
};

/** Field id -> category of the definitions for one kind (inactive ones too: their values still exist). */
export const customCategoryMap = (
  fields: readonly { readonly id: string; readonly data: CustomFieldPayload }[],
): Map<string, DataCategory> => new Map(fields.map((f) => [f.id, f.data.category]));
