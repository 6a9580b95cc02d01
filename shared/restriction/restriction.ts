// Restriction of processing (Art. 18): the data is kept but not processed — no campaigns, no exports (the
// purpose gate already leaves a restricted person out), and no edits except the ones the person asked for.
// The restriction ledger (restriction-ledger.ts) says since when and which fields stay editable; this
// module derives that state and refuses any other change on the write path.
import { latestEntry, loadEntries, subjectsWhere, type LedgerEntry } from '../purposes';
import type { Session } from '../vault';
import { RESTRICTION, type RestrictionPayload } from './restriction-ledger';

export interface RestrictionState {
  readonly restricted: boolean;
  /** The entry that decided the state (null: never restricted). */
  readonly entry: LedgerEntry<RestrictionPayload> | null;
  /** While restricted: the fields the person asked to have changed; empty when not restricted. */
  readonly editableFields: readonly string[];
}

/** The restriction in force at `now`: the latest entry (by time, then id) decides. */
export const restrictionState = (
  entries: readonly LedgerEntry<RestrictionPayload>[],
  now: number,
): RestrictionState => {
  const last = latestEntry(entries, now);
  if (last?.data.type !== 'restricted') return { restricted: false, entry: last, editableFields: [] };
  return { restricted: true, entry: last, editableFields: last.data.editableFields ?? [] };
};

/** Whether one field of the record may be changed now. */
export const isFieldEditable = (state: RestrictionState, field: string): boolean =>
  !state.restricted || state.editableFields.includes(field);

/** The fields among `fields` that the restriction keeps read-only. */
export const lockedFields = (state: RestrictionState, fields: readonly string[]): string[] =>
  fields.filter((f) => !isFieldEditable(state, f));

/** A change to a restricted record that the restriction does not allow; names fields, never values. */
export class RestrictedError extends Error {
  override readonly name = 'RestrictedError';
  constructor(
    readonly subjectId: string,
    readonly fields: readonly string[],
  ) {
    super(
      `Processing of record ${subjectId} is restricted (Art. 18); these fields cannot be changed: ${fields.join(', ')}`,
    );
  }
}

/** Throws RestrictedError when the state refuses a change to any of `fields`. */
export const assertChangeAllowed = (
  subjectId: string,
  state: RestrictionState,
  fields: readonly string[],
): void => {
  const refused = lockedFields(state, fields);
  if (refused.length) throw new RestrictedError(subjectId, refused);
};

/** The restriction in force for one subject now, read from its ledger. */
export const loadRestriction = async (
  session: Session,
  subjectId: string,
  now: number = Date.now(),
): Promise<RestrictionState> => restrictionState(await loadEntries(session, RESTRICTION, subjectId), now);

/**
 * The write path's check: throws RestrictedError, naming the refused fields, when the subject is
 * restricted and any of `fields` is not among the fields the restriction leaves editable.
 */
export const assertEditable = async (
  session: Session,
  subjectId: string,
  fields: readonly string[],
  now: number = Date.now(),
): Promise<void> => assertChangeAllowed(subjectId, await loadRestriction(session, subjectId, now), fields);

/** Every restricted subject now (for list markers and exports). */
export const restrictedSubjectIds = (session: Session, now: number = Date.now()): Promise<Set<string>> =>
  subjectsWhere(session, RESTRICTION, (entries) => restrictionState(entries, now).restricted);
