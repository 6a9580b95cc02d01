// Restriction of processing (Art. 18): the data is kept but not processed — no campaigns, no exports (the
// purpose gate already leaves a restricted person out), and no edits except the ones the person asked for.
// The restriction ledger (kind 'restriction', shared/consent) says since when and which fields stay
// editable; this module derives that state and refuses any other change on the write path.
import { timeline } from '../consent/derive';
import type { LedgerEntry, RestrictionPayload } from '../consent/types';
import { RESTRICTION } from '../consent/types';
import type { Session } from '../vault/session';

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
  const ordered = timeline(entries, now);
  const last = ordered[ordered.length - 1] ?? null;
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
): Promise<RestrictionState> => {
  const { records } = await session.items(RESTRICTION).listForSubject(subjectId);
  return restrictionState(
    records.map(({ id, data }) => ({ id, data })),
    now,
  );
};

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
export const restrictedSubjectIds = async (
  session: Session,
  now: number = Date.now(),
): Promise<Set<string>> => {
  const { records } = await session.items(RESTRICTION).loadAll({ chunkSize: 500 });
  const bySubject = new Map<string, LedgerEntry<RestrictionPayload>[]>();
  for (const { id, subjectId, data } of records) {
    let list = bySubject.get(subjectId);
    if (!list) bySubject.set(subjectId, (list = []));
    list.push({ id, data });
  }
  const restricted = new Set<string>();
  for (const [subjectId, entries] of bySubject)
    if (restrictionState(entries, now).restricted) restricted.add(subjectId);
  return restricted;
};
