// The Art. 18 restriction ledger: markers that restrict processing of a person (with the fields they asked
// to have changed meanwhile) or lift the restriction. The latest marker at a time decides.
import { z } from 'zod';
import { trimmed } from '../people';
import { latestEntry, ledgerKind, type EntryAudit, type EntryInput, type LedgerEntry } from '../purposes';
import { Instant, RECORDED } from '../purposes';

/** Art. 18 restriction marker. The latest (at, id) at a time decides (restrictionState). */
export const RESTRICTION_REASONS = [
  'accuracy_contested',
  'unlawful_processing',
  'legal_claims',
  'objection_pending',
  'other',
] as const;
export const RestrictionPayload = z.object({
  type: z.enum(['restricted', 'lifted']),
  reason: z.enum(RESTRICTION_REASONS).default('other'),
  at: Instant,
  requestId: trimmed(64).nullable().default(null),
  note: trimmed(2000).default(''),
  ...RECORDED,
  /**
   * 'restricted' only: the record's fields the person asked us to change while processing is restricted
   * (e.g. the contested email address); every other field is read-only. Absent or empty: none.
   */
  editableFields: z.array(trimmed(64).min(1)).max(50).optional(),
});
export type RestrictionPayload = z.infer<typeof RestrictionPayload>;
export const RESTRICTION = ledgerKind('restriction', RestrictionPayload);

/** Art. 18: processing is restricted at `now` when the latest marker says so. */
export const isRestricted = (entries: readonly LedgerEntry<RestrictionPayload>[], now: number): boolean =>
  latestEntry(entries, now)?.data.type === 'restricted';

/** A marker as the operation restriction.record is given it: its time may be left out. */
export type RestrictionInput = Omit<EntryInput<typeof RestrictionPayload>, 'at'> & { at?: number };

/** What the audit entry of a marker says: its type and reason, and the request that asked for it. */
export const restrictionAudit = (entry: RestrictionPayload): EntryAudit => ({
  action: 'update',
  ...(entry.requestId ? { requestId: entry.requestId } : {}),
  details: { type: entry.type, reason: entry.reason },
});
