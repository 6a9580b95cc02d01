// What the rights on one record say now, live: the restriction in force (Art. 18), the field history
// (Art. 16) and the profiling choices (Art. 22), reloaded when one of them about this subject is added here
// or by sync (another person's entries leave this panel alone).
import { loadProfilingChoices, PROFILING_OPTOUT, type ProfilingChoicePayload } from '../objection';
import type { LedgerEntry } from '../purposes';
import { restrictionState, type RestrictionState } from '../restriction';
import { RESTRICTION, type RestrictionPayload } from '../restriction';
import type { Decrypted } from '../store';
import { defineQuery } from '../workspace';
import { FIELD_CHANGE, listFieldChanges, type FieldChangePayload } from './field-history';

export interface SubjectRightsState {
  readonly restriction: RestrictionState;
  /** Newest first. */
  readonly restrictions: readonly LedgerEntry<RestrictionPayload>[];
  readonly history: readonly Decrypted<FieldChangePayload>[];
  readonly profiling: readonly LedgerEntry<ProfilingChoicePayload>[];
  /** When this was read: what "in force" means. */
  readonly loadedAt: number;
}

export const subjectRights = defineQuery(
  'rectification.subjectRights',
  (subjectId: string) => [
    {
      collection: 'items',
      kinds: [RESTRICTION.kind, FIELD_CHANGE.kind, PROFILING_OPTOUT.kind],
      subjectIds: [subjectId],
    },
  ],
  async (workspace, subjectId: string): Promise<SubjectRightsState> => {
    const [restrictions, history, profiling] = await Promise.all([
      workspace.items(RESTRICTION).listForSubject(subjectId),
      listFieldChanges(workspace, subjectId),
      loadProfilingChoices(workspace, subjectId),
    ]);
    const entries = restrictions.records.map(({ id, data }) => ({ id, data }));
    const now = Date.now();
    return {
      restriction: restrictionState(entries, now),
      restrictions: [...entries].sort((a, b) => b.data.at - a.data.at),
      history,
      profiling,
      loadedAt: now,
    };
  },
);
