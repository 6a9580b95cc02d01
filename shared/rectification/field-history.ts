// Rectification (Art. 16) keeps the history of a correction: every saved change to a person's or an
// organisation's field appends one 'field-change' entry (what it was, what it became, who, when, on which
// device, and the rectification request that asked for it). Entries are items of the subject, encrypted
// with the subject's data key, so erasing the subject takes its history with it; they are append-only.
import { z } from 'zod';
import { trimmed } from '../people';
import type { AuditEvent } from '../audit';
import type { Decrypted } from '../store';
import type { Session } from '../vault';
import { ledgerKind } from '../purposes';
import type { Actor } from '../purposes';

export const SUBJECT_KINDS = ['person', 'organisation'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const FieldChangePayload = z.object({
  subjectKind: z.enum(SUBJECT_KINDS),
  /** The top-level field of the record, e.g. 'familyName', 'emails', 'address'. */
  field: trimmed(64).min(1, 'field'),
  /** The values as stored (JSON); null when the field was absent. */
  before: z.json().default(null),
  after: z.json().default(null),
  at: z.number().int().nonnegative(),
  recordedBy: trimmed(64).min(1, 'recorded_by'),
  deviceId: trimmed(64).min(1, 'device_id'),
  /** The rectification request (request register) that caused the change, when there was one. */
  requestId: trimmed(64).nullable().default(null),
  /** Changes saved together share a batch id, so the history can show them as one edit. */
  batchId: trimmed(64).nullable().default(null),
});
export type FieldChangePayload = z.infer<typeof FieldChangePayload>;
export const FIELD_CHANGE = ledgerKind('field-change', FieldChangePayload);

/** Bookkeeping fields that are not data the person could ask to correct. */
const NOT_TRACKED = new Set(['createdAt']);

type Json = z.infer<ReturnType<typeof z.json>>;

/** JSON with object keys sorted, so equal values compare equal whatever order their keys came in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  ) ?? 'null';

const asJson = (value: unknown): Json =>
  value === undefined ? null : (JSON.parse(canonical(value)) as Json);

export interface FieldChange {
  readonly field: string;
  readonly before: Json;
  readonly after: Json;
}

/** The top-level fields that differ between two versions of a record, in a stable (sorted) order. */
export const diffFields = (
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): FieldChange[] => {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((f) => !NOT_TRACKED.has(f))
    .sort();
  return fields
    .filter((f) => canonical(before[f] ?? null) !== canonical(after[f] ?? null))
    .map((field) => ({ field, before: asJson(before[field]), after: asJson(after[field]) }));
};

export interface FieldChangeContext {
  readonly subjectKind: SubjectKind;
  readonly actor: Actor;
  readonly requestId?: string | null;
  readonly at?: number;
  readonly batchId?: string | null;
}

export interface RecordedFieldChanges {
  readonly entries: Decrypted<FieldChangePayload>[];
  /**
   * The audit entry naming the changed fields (null when nothing changed), for the operation to write —
   * or to leave out where its own entry accounts for the batch (a bulk update, an import).
   */
  readonly audit: AuditEvent | null;
}

/** Appends one entry per changed field (all in one write); returns them and the audit entry naming the fields. */
export const recordFieldChanges = async (
  session: Session,
  subjectId: string,
  changes: readonly FieldChange[],
  context: FieldChangeContext,
): Promise<RecordedFieldChanges> => {
  if (!changes.length) return { entries: [], audit: null };
  const at = context.at ?? Date.now();
  const created = await session.items(FIELD_CHANGE).createMany(
    changes.map((c) => ({
      subjectId,
      input: {
        subjectKind: context.subjectKind,
        field: c.field,
        before: c.before,
        after: c.after,
        at,
        recordedBy: context.actor.userId,
        deviceId: context.actor.deviceId,
        requestId: context.requestId ?? null,
        batchId: context.batchId ?? null,
      },
    })),
  );
  return {
    entries: created,
    audit: {
      action: 'update',
      kind: FIELD_CHANGE.kind,
      recordIds: [subjectId, ...created.map((c) => c.id)],
      ...(context.requestId ? { requestId: context.requestId } : {}),
      // Field names only: the values are personal data and stay in the encrypted entries.
      details: { fields: changes.map((c) => c.field).join(',') },
    },
  };
};

/** A subject's field history, newest first (then by field name, for a stable order). */
export const listFieldChanges = async (
  session: Session,
  subjectId: string,
): Promise<Decrypted<FieldChangePayload>[]> => {
  const { records } = await session.items(FIELD_CHANGE).listForSubject(subjectId);
  return records.sort(
    (a, b) =>
      b.data.at - a.data.at || (a.data.field < b.data.field ? -1 : a.data.field > b.data.field ? 1 : 0),
  );
};

/** The changes a rectification request caused, across every subject it touched (for the request page). */
export const fieldChangesForRequest = async (
  session: Session,
  requestId: string,
): Promise<Decrypted<FieldChangePayload>[]> => {
  const { records } = await session.items(FIELD_CHANGE).loadAll({ chunkSize: 500 });
  return records.filter((r) => r.data.requestId === requestId).sort((a, b) => b.data.at - a.data.at);
};
