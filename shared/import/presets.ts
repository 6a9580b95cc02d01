// Saved column mappings ("import presets"): organisation settings, so a team maps its CRM export once.
import { z } from 'zod';
import { ADDRESS_PARTS, ContactLabel, trimmed } from '../people';
import type { Preset, TargetField } from './types';
import { sealedKind } from '../store';

const TARGET_FIELDS = [
  'fullName',
  'givenName',
  'middleName',
  'familyNamePrefix',
  'familyName',
  'email',
  'emailLabel',
  'phone',
  'phoneLabel',
  ...ADDRESS_PARTS,
  'jobTitle',
  'organisation',
  'tags',
  'notes',
] as const satisfies readonly TargetField[];

/** Fails to compile when the import core adds a field this list does not offer. */
const everyFieldListed: [Exclude<TargetField, (typeof TARGET_FIELDS)[number]>] extends [never]
  ? true
  : never = true;
void everyFieldListed;

export const TargetFieldSchema = z.enum(TARGET_FIELDS);
export const ALL_TARGET_FIELDS: readonly TargetField[] = TARGET_FIELDS;

export const ImportPresetPayload = z.object({
  name: trimmed(100).min(1, 'name'),
  /** Keyed by column header, as in the import core's Preset. */
  mapping: z.record(
    z.string().max(500),
    z.object({
      field: TargetFieldSchema,
      label: ContactLabel.optional(),
      group: z.number().int().nonnegative().max(100).optional(),
    }),
  ),
});
export type ImportPresetPayload = z.infer<typeof ImportPresetPayload>;

export const IMPORT_PRESET = sealedKind('import-preset', ImportPresetPayload);

export const toPreset = (id: string, data: ImportPresetPayload): Preset => ({
  id,
  name: data.name,
  mapping: data.mapping,
});
