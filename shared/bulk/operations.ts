// The bulk update as an operation: every person in the selection changed in chunks, one batch id, and one
// audit entry for the whole batch (the people it changed, what was skipped and why), written by the core.
import type { Actor as RecordedBy } from '../purposes';
import { defineOperation } from '../workspace';
import { applyBulkUpdate } from './bulk';
import type { BulkOperation, BulkOptions } from './types';

export interface BulkUpdateInput extends BulkOptions {
  /** Who made the change, on which device, for the ledgers' entries and the field history. */
  readonly recordedBy: RecordedBy;
  readonly selection: readonly string[];
  readonly operation: BulkOperation;
}

export const bulkUpdate = defineOperation(
  'bulk.update',
  (workspace, _actor, { recordedBy, selection, operation, ...options }: BulkUpdateInput) =>
    applyBulkUpdate(workspace, recordedBy, selection, operation, options),
);
