// Bulk update: one operation over many people, previewed first, applied in chunks that yield to the
// event loop, with one batch id in the audit trail and a report of who was skipped and why.
import type { Session } from '../vault/session';
import type { Actor, BulkOperation, BulkOptions, BulkPlan, BulkReport } from './types';

/** Preview: who would change, who is skipped and why (restricted, erased, unsubscribed, no change). */
export const planBulkUpdate = async (
  _session: Session,
  _selection: readonly string[],
  _operation: BulkOperation,
  _options: BulkOptions = {},
): Promise<BulkPlan> => {
  throw new Error('planBulkUpdate: not implemented yet');
};

/** Applies the operation to the selection; returns what changed and what was skipped and why. */
export const bulkUpdate = async (
  _session: Session,
  _actor: Actor,
  _selection: readonly string[],
  _operation: BulkOperation,
  _options: BulkOptions = {},
): Promise<BulkReport> => {
  throw new Error('bulkUpdate: not implemented yet');
};
