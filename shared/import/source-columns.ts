// Where each field was read from, so a row the store refuses can name its column.
import type { ColumnMapping, FieldTarget } from './types';

/** The 1-based column each target field is read from (the first, when several map to one field). */
export const columnsOf = (mapping: ColumnMapping): Partial<Record<FieldTarget['field'], number>> => {
  const out: Partial<Record<FieldTarget['field'], number>> = {};
  mapping.forEach((target, i) => {
    if (target && out[target.field] === undefined) out[target.field] = i + 1;
  });
  return out;
};
