// The save path for an edit of a person or organisation: refuses what a restriction (Art. 18) does not
// allow before anything is written, then stores the record and appends its field history (Art. 16). It
// returns the audit entries for the operation that called it to write (the field history's, and the
// request's when the edit answers one).
import type { z } from 'zod';
import type { Decrypted, SubjectRepository } from '../store';
import type { Session } from '../vault';
import {
  diffFields,
  recordFieldChanges,
  type FieldChange,
  type FieldChangeContext,
  type FieldChangePayload,
} from './field-history';
import type { AuditEvent } from '../audit';
import { linkRequest } from '../requests';
import { assertChangeAllowed, loadRestriction } from '../restriction';

export interface SubjectUpdateResult<P> {
  readonly record: Decrypted<P>;
  readonly changes: readonly FieldChange[];
  readonly entries: readonly Decrypted<FieldChangePayload>[];
  /** With a request id: whether the request in the register now lists these changes. */
  readonly linked: boolean;
  /** The field history's entry and, when linked, the request's; an import or bulk update writes its own. */
  readonly audit: readonly AuditEvent[];
}

export const updateSubject = async <S extends z.ZodType<Record<string, unknown>>>(
  session: Session,
  repository: SubjectRepository<S>,
  id: string,
  change: (current: z.output<S>) => z.input<S>,
  context: FieldChangeContext,
): Promise<SubjectUpdateResult<z.output<S>>> => {
  const restriction = await loadRestriction(session, id, context.at);
  let changes: FieldChange[] = [];
  // The check runs inside the repository's update, against the version it is about to replace, so a
  // refused change throws before anything is stored.
  const record = await repository.update(id, (current) => {
    const next = change(current);
    changes = diffFields(current, repository.validate(next));
    assertChangeAllowed(
      id,
      restriction,
      changes.map((c) => c.field),
    );
    return next;
  });
  const { entries, audit: historyEntry } = await recordFieldChanges(session, id, changes, context);
  const audit: AuditEvent[] = historyEntry ? [historyEntry] : [];
  let linked = false;
  if (context.requestId && entries.length) {
    // The edit is stored and its history names the request either way; the register's own list of
    // caused changes is a convenience for the request page, so failing to update it does not undo the save.
    const link = await linkRequest(session, context.requestId, {
      fieldChangeIds: entries.map((e) => e.id),
    }).catch(() => null);
    if (link) {
      linked = true;
      audit.push(...[link.audit].flat());
    }
  }
  return { record, changes, entries, linked, audit };
};
