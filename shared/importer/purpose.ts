// What an imported batch is held for: a purpose and its Art. 6(1) lawful basis. Until the purposes
// register (shared/consent) lands, the wizard offers the six bases and a free-text purpose name.
import { z } from 'zod';
import { DataSource } from '../domain/common';
import { trimmed } from '../domain/common';

export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export const LawfulBasis = z.enum(LAWFUL_BASES);
export type LawfulBasis = z.infer<typeof LawfulBasis>;

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

export const IMPORT_BATCH = { kind: 'import-batch', version: 1, schema: ImportBatchPayload } as const;

/**
 * The date by which people whose data was obtained on `obtainedOn` (YYYY-MM-DD) must have had the
 * Art. 14 notice: one calendar month later, or the month's last day when that day does not exist.
 */
export const noticeDueBy = (obtainedOn: string): string => {
  const [y, m, d] = obtainedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const due = new Date(Date.UTC(y, m, Math.min(d, lastDay)));
  return due.toISOString().slice(0, 10);
};
