// What the screens read about sync, live: how many stale changes to erased people sync discarded on this
// device (merge.ts counts them).
import { defineQuery } from '../workspace';
import { DISCARD_NOTICE_ID, discardNotice } from './discard-notice';

export const discardedCount = defineQuery(
  'sync.discardedCount',
  [{ collection: 'vault', ids: [DISCARD_NOTICE_ID] }],
  async (workspace): Promise<number> => (await discardNotice(workspace)).count,
);
