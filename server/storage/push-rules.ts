// How one push row meets the stored master state; both adapters apply the same rules inside a transaction.
import type { StoredPushRow } from './types';

export type RowDecision = 'write' | 'same' | 'conflict' | 'foreign';

export const decideRow = (
  orgId: string,
  row: StoredPushRow,
  master: { orgId: string; doc: string } | undefined,
): RowDecision => {
  // Ids are global: an id held by another organisation is never read, overwritten or reported.
  if (master && master.orgId !== orgId) return 'foreign';
  // A retried push that already landed: success, nothing new written.
  if (master && master.doc === row.doc) return 'same';
  if (!master) return 'write';
  return row.assumed === master.doc ? 'write' : 'conflict';
};
