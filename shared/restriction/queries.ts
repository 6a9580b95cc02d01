// What the screens read about restriction, live: every subject whose processing is restricted now.
import { defineQuery } from '../workspace';
import { RESTRICTION } from './restriction-ledger';
import { restrictedSubjectIds } from './restriction';

/** The subjects restricted now, for the markers on lists, deal and case pages. */
export const restrictedIds = defineQuery(
  'restriction.restrictedIds',
  [{ collection: 'items', kinds: [RESTRICTION.kind] }],
  (workspace): Promise<ReadonlySet<string>> => restrictedSubjectIds(workspace),
);
