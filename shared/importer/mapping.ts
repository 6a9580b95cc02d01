// Presets meet headers: apply a saved mapping to a file's columns, and save the current one.
import type { ColumnMapping, FieldTarget, Preset } from '../import/types';

/** Headers are matched case- and space-insensitively, as the import core's built-in presets are. */
export const headerKey = (header: string): string => header.toLowerCase().replace(/\s+/g, '');

export const applyPreset = (headers: readonly string[], preset: Preset): ColumnMapping => {
  const byKey = new Map<string, FieldTarget>();
  for (const [header, target] of Object.entries(preset.mapping)) byKey.set(headerKey(header), target);
  return headers.map((h) => byKey.get(headerKey(h)) ?? null);
};

export const presetMapping = (
  headers: readonly string[],
  mapping: ColumnMapping,
): Record<string, FieldTarget> => {
  const out: Record<string, FieldTarget> = {};
  headers.forEach((header, i) => {
    const target = mapping[i];
    if (target && header.trim()) out[header] = target;
  });
  return out;
};

/** The 1-based column each target field is read from (the first, when several map to one field). */
export const columnsOf = (mapping: ColumnMapping): Partial<Record<FieldTarget['field'], number>> => {
  const out: Partial<Record<FieldTarget['field'], number>> = {};
  mapping.forEach((target, i) => {
    if (target && out[target.field] === undefined) out[target.field] = i + 1;
  });
  return out;
};
