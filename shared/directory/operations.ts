// What a user can do with a person or an organisation: add one, open it (the view is recorded), save an
// edit through the rights-aware save path (a restriction refuses what it forbids before anything is
// written; every changed field keeps its history, Art. 16 and 18) and delete it. Audited by id only.
import type { z } from 'zod';
import type { AuditEvent } from '../audit';
import type { Actor as RecordedBy } from '../purposes';
import { updateSubject } from '../rectification';
import type { SubjectRepository } from '../store';
import { defineOperation, type Workspace } from '../workspace';

export interface SubjectSave<I> {
  readonly id: string;
  readonly input: I;
  /** Who made the change, on which device, for the field history. */
  readonly recordedBy: RecordedBy;
  /** The rectification request the edit answers, recorded with each changed field. */
  readonly requestId?: string | null;
}

const subjectOperations = <S extends z.ZodType<Record<string, unknown>>>(
  area: string,
  kind: 'person' | 'organisation',
  repository: (workspace: Workspace) => SubjectRepository<S>,
) => {
  const entry = (action: AuditEvent['action'], id: string): AuditEvent => ({ action, kind, recordIds: [id] });
  return {
    create: defineOperation(`${area}.create`, async (workspace, _actor, input: z.input<S>) => {
      // The creator owns a new record unless the input names an owner.
      const { ownerId } = input as { ownerId?: string | null };
      const created = await repository(workspace).create({
        ...(input as Record<string, unknown>),
        ownerId: ownerId ?? workspace.audit.actor,
      } as z.input<S>);
      return { result: created, audit: entry('create', created.id) };
    }),
    open: defineOperation(`${area}.open`, async (workspace, _actor, id: string) => {
      const found = await repository(workspace).get(id);
      return { result: found, audit: entry('view', id) };
    }),
    save: defineOperation(
      `${area}.save`,
      async (workspace, _actor, { id, input, recordedBy, requestId = null }: SubjectSave<z.input<S>>) => {
        const saved = await updateSubject(
          workspace,
          repository(workspace),
          id,
          // The stored creation time survives an edit, and so does the owner unless the input names one
          // (the forms leave it out; owners are reassigned through the bulk update).
          (current) =>
            ({
              ...(input as Record<string, unknown>),
              createdAt: (current as { createdAt?: number }).createdAt,
              ownerId:
                (input as { ownerId?: string | null }).ownerId ??
                (current as { ownerId?: string | null }).ownerId ??
                null,
            }) as z.input<S>,
          { subjectKind: kind, actor: recordedBy, requestId },
        );
        return { result: saved.record, audit: [entry('update', id), ...saved.audit] };
      },
    ),
    remove: defineOperation(`${area}.delete`, async (workspace, _actor, id: string) => {
      await repository(workspace).remove(id);
      return { result: undefined, audit: entry('delete', id) };
    }),
  };
};

export const {
  create: createPerson,
  open: openPerson,
  save: savePerson,
  remove: deletePerson,
} = subjectOperations('people', 'person', (workspace) => workspace.people);

export const {
  create: createOrganisation,
  open: openOrganisation,
  save: saveOrganisation,
  remove: deleteOrganisation,
} = subjectOperations('organisations', 'organisation', (workspace) => workspace.organisations);

/** Each kind's operations together, for the page flow the person and organisation pages share. */
export const PEOPLE_OPERATIONS = {
  create: createPerson,
  open: openPerson,
  save: savePerson,
  remove: deletePerson,
};
export const ORGANISATION_OPERATIONS = {
  create: createOrganisation,
  open: openOrganisation,
  save: saveOrganisation,
  remove: deleteOrganisation,
};
