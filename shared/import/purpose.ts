// What an imported batch is held for: a purpose from the purposes register (shared/consent) and its
// Art. 6(1) lawful basis — or, while the register is empty, a purpose named here with one of the six bases.
import { z } from 'zod';
import { addMonths } from '../consent';
import { DataSource, trimmed } from '../people';
import { LawfulBasis } from '../purposes';
import { sealedKind } from '../store';

export const ImportPurpose = z.object({
  /** The purposes register entry, once there is one. */
  purposeId: z.string().max(64).optional(),
  name: trimmed(200).min(1, 'purpose'),
  lawfulBasis: LawfulBasis,
});
export type ImportPurpose = z.infer<typeof ImportPurpose>;

/** The record of one import batch: where the data came from and why it is held (a SETTINGS kind). */
export const ImportBatchPayload = z.object({
  file: trimmed(500),
  source: DataSource,
  purpose: ImportPurpose,
  importedAt: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  organisationsCreated: z.number().int().nonnegative(),
  /** Art. 14(3)(a): the people must be informed within one month of obtaining the data. */
  noticeDueBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  /** False until a privacy notice has been sent to the batch's people. */
  informed: z.boolean(),
});
export type ImportBatchPayload = z.infer<typeof ImportBatchPayload>;

export const IMPORT_BATCH = sealedKind('import-batch', ImportBatchPayload);

/**
 * The date by which people whose data was obtained on `obtainedOn` (YYYY-MM-DD) must have had the
 * Art. 14 notice: one calendar month later (the consent core's rule, so both say the same date).
 */
export const noticeDueBy = (obtainedOn: string): string => addMonths(obtainedOn, 1);
