// The retention review queue as the tab shows it: reviews with their rule, kept current as reviews are
// written here or arrive by sync, plus the anonymous figures that prove anonymisation kept the totals.
import { retentionQueue, type RetentionQueue } from '../../../../shared/retention';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';

export type { RetentionQueue };

/** A bulk decision writes many documents: read once they settle, not once per write. */
const SETTLE_MS = 200;

export const useRetentionQueue = (): RetentionQueue | null =>
  valueOr(useLiveQuery(retentionQueue, null, { debounceMs: SETTLE_MS }), null);
