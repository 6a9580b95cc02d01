// Commits one planned import through the repositories, whole or not at all: organisations named in the
// file first (matched to existing ones by name, or created), then the merges into existing people, then
// the new people. A failure or a cancel at any step undoes what the earlier steps wrote — created
// organisations are removed, merged people get their previous payload back — and createMany rolls back
// its own writes. Rows that would not pass the person schema are reported (file, row, column) and left
// out; the rest goes on.
import type { DataSource } from '../people';
import type { PersonPayload } from '../people';
import type { TargetField } from './types';
import { ValidationError } from '../store';
import { RestrictedError } from '../restriction';
import { updateSubject } from '../rectification';
import type { Session } from '../vault';
import type { AuditStep } from '../workspace';
import { newId } from '../crypto';
import { mergeIntoPerson, organisationKey, toPersonInput } from './to-people';
import type { ImportPlan, PlannedPerson } from './plan';
import { IMPORT_BATCH, noticeDueBy, type ImportPurpose } from './purpose';

export type CommitPhase = 'organisations' | 'merge' | 'people';

export interface CommitProgress {
  readonly phase: CommitPhase;
  readonly done: number;
  readonly total: number;
}

export interface CommitInput {
  /** The file's name, as the user chose it: the batch's source description and where rows are. */
  readonly file: string;
  readonly plan: ImportPlan;
  /** ISO date the data was obtained (Art. 14: the notice is due one month later). */
  readonly obtainedOn: string;
  readonly purpose: ImportPurpose;
  /** The column each field was read from, so a rejected row can name it. */
  readonly columns?: Partial<Record<TargetField, number>>;
  /** Organisations already known (e.g. the directory's rows); loaded from the store when left out. */
  readonly organisations?: readonly { readonly id: string; readonly name: string }[];
}

export interface CommitOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CommitProgress) => void;
}

/** A row the store would not take: where, and which field — never the value. */
export interface RejectedRow {
  readonly file: string;
  readonly row: number;
  readonly column?: number;
  readonly field: string;
  readonly code: string;
}

export interface CommitReport {
  readonly batchId: string;
  readonly createdIds: readonly string[];
  readonly mergedIds: readonly string[];
  readonly created: number;
  /** Rows merged into a person already in the directory or into another row of the file. */
  readonly merged: number;
  readonly skipped: number;
  readonly organisationsCreated: number;
  readonly rejected: readonly RejectedRow[];
  readonly noticeDueBy: string;
}

const FIELD_OF_PATH: Record<string, TargetField> = {
  givenName: 'givenName',
  familyName: 'familyName',
  emails: 'email',
  phones: 'phone',
  jobTitle: 'jobTitle',
  tags: 'tags',
  notes: 'notes',
  organisationId: 'organisation',
};
const ADDRESS_FIELDS: Record<string, TargetField> = {
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  region: 'region',
  country: 'country',
};

const fieldOfPath = (path: string): string => {
  const [head = '', second = ''] = path.split('.');
  if (head === 'address') return ADDRESS_FIELDS[second] ?? 'address';
  return FIELD_OF_PATH[head] ?? (head || 'record');
};

/**
 * Stores the plan. Its audit entry goes through `step` inside the try below, right after the people are
 * stored: thousands of stored rows must not outlive a lost window without their entry, and an entry that
 * cannot be written undoes the import instead of leaving it unaccounted for.
 */
export const commitImportInSteps = async (
  session: Session,
  input: CommitInput,
  options: CommitOptions & { readonly step: AuditStep },
): Promise<CommitReport> => {
  const { plan, signal, file } = { ...input, signal: options.signal };
  const { step } = options;
  const progress = options.onProgress ?? (() => undefined);
  const source: DataSource = { method: 'import', description: file, obtainedOn: input.obtainedOn };
  const batchId = newId();
  const rejected: RejectedRow[] = [];
  const reject = (row: number, error: unknown) => {
    const issues = error instanceof ValidationError ? error.issues : [{ path: '', code: 'invalid' }];
    for (const issue of issues.slice(0, 1)) {
      const field = fieldOfPath(issue.path);
      const column = input.columns?.[field as TargetField];
      rejected.push({ file, row, field, code: issue.code, ...(column !== undefined && { column }) });
    }
  };

  // Validate every new person before anything is written: a bad row is reported, not fatal.
  const creatable: PlannedPerson[] = [];
  for (const planned of plan.create) {
    try {
      session.people.validate(toPersonInput(planned.person, source, null));
      creatable.push(planned);
    } catch (error) {
      reject(planned.rows[0]!, error);
    }
  }

  const createdOrgIds: string[] = [];
  const restored: { id: string; previous: PersonPayload }[] = [];
  let batchStored = false;
  try {
    signal?.throwIfAborted();
    const orgIdByKey = await organisationsFor(session, input, creatable, source, createdOrgIds, options);
    const orgId = (name: string) => (name.trim() ? (orgIdByKey.get(organisationKey(name)) ?? null) : null);

    // Merges into people already in the directory, keeping what each was, to restore on failure. They go
    // through the rights save path: a restricted person (Art. 18) is not changed but reported, and every
    // merged field leaves its history (Art. 16) under the batch id.
    const mergedIds: string[] = [];
    let mergedRows = plan.mergedWithinFile;
    const history = {
      subjectKind: 'person',
      actor: { userId: session.audit.actor, deviceId: await session.audit.deviceId() },
      batchId,
    } as const; // the import's one entry accounts for the merged fields' history: theirs are not written
    progress({ phase: 'merge', done: 0, total: plan.merge.length });
    for (const [n, merge] of plan.merge.entries()) {
      signal?.throwIfAborted();
      let previous: PersonPayload | undefined;
      try {
        await updateSubject(
          session,
          session.people,
          merge.existingId,
          (current) => {
            previous = current;
            return mergeIntoPerson(current, merge.person, orgId(merge.person.organisationName));
          },
          history,
        );
      } catch (error) {
        if (error instanceof RestrictedError) {
          rejected.push({ file, row: merge.rows[0]!, field: 'record', code: 'restricted' });
          continue;
        }
        if (!(error instanceof ValidationError)) throw error;
        reject(merge.rows[0]!, error);
        continue;
      }
      restored.push({ id: merge.existingId, previous: previous! });
      mergedIds.push(merge.existingId);
      mergedRows += merge.rows.length;
      progress({ phase: 'merge', done: n + 1, total: plan.merge.length });
    }

    const skipped = plan.skipped.length;
    const batch = {
      file,
      source,
      purpose: input.purpose,
      importedAt: Date.now(),
      created: creatable.length,
      merged: mergedRows,
      skipped,
      organisationsCreated: createdOrgIds.length,
      noticeDueBy: noticeDueBy(input.obtainedOn),
      informed: false,
    };
    signal?.throwIfAborted();
    await session.settings(IMPORT_BATCH).put(batch, batchId);
    batchStored = true;

    progress({ phase: 'people', done: 0, total: creatable.length });
    const createdIds = await session.people.insertMany(
      creatable,
      // Whoever imports owns the people and organisations the import creates.
      ({ person }) => ({
        ...toPersonInput(person, source, orgId(person.organisationName)),
        ownerId: session.audit.actor,
      }),
      {
        signal,
        rowsChecked: true,
        onProgress: ({ done, total }) => progress({ phase: 'people', done, total }),
      },
    );

    await step({
      action: 'import',
      kind: 'person',
      recordIds: [...createdIds, ...mergedIds],
      batchId,
      ...(input.purpose.purposeId && { purposeId: input.purpose.purposeId }),
      details: { created: createdIds.length, merged: mergedRows, skipped },
    });
    return {
      batchId,
      createdIds,
      mergedIds,
      created: createdIds.length,
      merged: mergedRows,
      skipped,
      organisationsCreated: createdOrgIds.length,
      rejected,
      noticeDueBy: batch.noticeDueBy,
    };
  } catch (error) {
    await undo(session, { restored, createdOrgIds, batchId: batchStored ? batchId : null });
    throw error;
  }
};

/** Finds each organisation named in the file by its normalised name, or creates it with the batch's source. */
const organisationsFor = async (
  session: Session,
  input: CommitInput,
  creatable: readonly PlannedPerson[],
  source: DataSource,
  createdOrgIds: string[],
  options: CommitOptions,
): Promise<Map<string, string>> => {
  const names = new Map<string, string>();
  for (const { person } of [...creatable, ...input.plan.merge]) {
    const name = person.organisationName.trim();
    const key = organisationKey(name);
    if (key && !names.has(key)) names.set(key, name.slice(0, 200));
  }
  const idByKey = new Map<string, string>();
  if (!names.size) return idByKey;
  const known =
    input.organisations ??
    (await session.organisations.loadAll()).records.map((o) => ({ id: o.id, name: o.data.name }));
  for (const org of known) {
    const key = organisationKey(org.name);
    if (names.has(key) && !idByKey.has(key)) idByKey.set(key, org.id);
  }
  const missing = [...names].filter(([key]) => !idByKey.has(key));
  options.onProgress?.({ phase: 'organisations', done: 0, total: missing.length });
  if (!missing.length) return idByKey;
  const created = await session.organisations.createMany(
    missing.map(([, name]) => ({ name, source, ownerId: session.audit.actor })),
    {
      signal: options.signal,
      onProgress: ({ done, total }) => options.onProgress?.({ phase: 'organisations', done, total }),
    },
  );
  created.forEach((org, i) => {
    createdOrgIds.push(org.id);
    idByKey.set(missing[i]![0], org.id);
  });
  return idByKey;
};

/** Puts back what a failed or cancelled import changed; every step is tried even if one fails. */
const undo = async (
  session: Session,
  {
    restored,
    createdOrgIds,
    batchId,
  }: { restored: { id: string; previous: PersonPayload }[]; createdOrgIds: string[]; batchId: string | null },
): Promise<void> => {
  // Put back through the same save path, so each person's field history shows the merge and its undoing.
  const history = {
    subjectKind: 'person',
    actor: { userId: session.audit.actor, deviceId: await session.audit.deviceId() },
    batchId,
  } as const;
  for (const { id, previous } of restored.reverse()) {
    await updateSubject(session, session.people, id, () => previous, history).catch(() => undefined);
  }
  for (const id of createdOrgIds) await session.organisations.remove(id).catch(() => undefined);
  if (batchId)
    await session
      .settings(IMPORT_BATCH)
      .remove(batchId)
      .catch(() => undefined);
};
