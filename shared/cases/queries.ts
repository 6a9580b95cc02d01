// What the cases screens read, live: every case (opened once, then only what changed) and one case's
// timeline (a colleague's reply arriving by sync included).
import { allItemsQuery, defineQuery } from '../workspace';
import { CASE_CONFIG, CASE_ENTRY_KIND } from './case';
import { loadCaseEntries, type CaseEntry } from './operations';

export const allCases = allItemsQuery('cases.all', CASE_CONFIG);

/** A case's replies and notes, oldest first. */
export const caseEntries = defineQuery(
  'cases.entries',
  [{ collection: 'items', kinds: [CASE_ENTRY_KIND] }],
  (workspace, c: { readonly id: string; readonly subjectId: string }): Promise<CaseEntry[]> =>
    loadCaseEntries(workspace, c),
);
