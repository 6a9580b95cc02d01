// The request register (Art. 12, 15–22): one compliance file per request a person makes, kept under the
// organisation key in the admin-only compliance collection — it must outlive the person's erasure, so it
// is never an item under their data key. State changes go through the operations in operations.ts, built
// on the functions below, which refuse what the GDPR does not allow (an extension decided after the first
// due date), keep a status history and hand back the audit entry the operation writes.
import { z } from 'zod';
import { trimmed } from '../people';
import type { AuditEvent } from '../audit';
import type { Done, Workspace } from '../workspace';
import { dueDate, extensionAllowed } from './deadline';
import { Instant, IsoDate, ItemRef } from '../purposes';
import { sealedKind } from '../store';

export const RIGHTS = [
  'be_informed',
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'automated_decisions',
] as const;
export const Right = z.enum(RIGHTS);
export type Right = z.infer<typeof Right>;

export const REQUEST_STATUSES = [
  'received',
  'verifying',
  'in_progress',
  'extended',
  'completed',
  'refused',
] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'refused'];
export const isOpen = (status: RequestStatus): boolean => !CLOSED_STATUSES.includes(status);

export const REQUEST_CHANNELS = ['email', 'web_form', 'post', 'phone', 'in_person', 'other'] as const;
export const RequestChannel = z.enum(REQUEST_CHANNELS);
export type RequestChannel = z.infer<typeof RequestChannel>;

export const VERIFICATION_METHODS = [
  'known_contact_details',
  'id_document',
  'in_person',
  'account',
  'other',
] as const;
export const VerificationMethod = z.enum(VERIFICATION_METHODS);
export type VerificationMethod = z.infer<typeof VerificationMethod>;

export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;

const by = trimmed(64).min(1, 'by');

export const SubjectRequestPayload = z
  .object({
    /** The person in the CRM, or null for a requester we could not match (yet). */
    subjectId: ItemRef.nullable(),
    /** Who asked, when unmatched (the register must still say who to answer). */
    requester: z
      .object({ name: trimmed(200).min(1, 'name'), contact: trimmed(200).default('') })
      .nullable()
      .default(null),
    right: Right,
    receivedOn: IsoDate,
    channel: RequestChannel,
    details: trimmed(4000).default(''),
    verification: z
      .object({ method: VerificationMethod, at: Instant, by, note: trimmed(500).default('') })
      .nullable()
      .default(null),
    extension: z
      .object({
        months: z.union([z.literal(1), z.literal(2)]),
        reasons: trimmed(2000).min(1, 'reasons'),
        decidedAt: Instant,
        personToldAt: Instant.nullable().default(null),
      })
      .nullable()
      .default(null),
    status: RequestStatus.default('received'),
    decision: z
      .object({ outcome: z.enum(DECISION_OUTCOMES), reasons: trimmed(4000).default(''), at: Instant, by })
      .nullable()
      .default(null),
    sent: z
      .array(z.object({ what: trimmed(500).min(1, 'what'), at: Instant, channel: RequestChannel }))
      .max(200)
      .default([]),
    history: z
      .array(z.object({ status: RequestStatus, at: Instant, by, note: trimmed(500).default('') }))
      .max(500)
      .default([]),
    links: z
      .object({
        erasureCertificateId: z.string().max(64).nullable().default(null),
        fieldChangeIds: z.array(z.string().max(64)).max(1000).default([]),
      })
      .default({ erasureCertificateId: null, fieldChangeIds: [] }),
  })
  .superRefine((request, ctx) => {
    if (!request.subjectId && !request.requester)
      ctx.addIssue({ code: 'custom', path: ['requester'], message: 'requester' });
    if (request.extension && !extensionAllowed(request.receivedOn, request.extension.decidedAt))
      ctx.addIssue({ code: 'custom', path: ['extension', 'decidedAt'], message: 'extension_too_late' });
    if (request.status === 'refused' && !request.decision?.reasons)
      ctx.addIssue({ code: 'custom', path: ['decision', 'reasons'], message: 'refusal_reasons' });
  });
export type SubjectRequestPayload = z.infer<typeof SubjectRequestPayload>;
export type SubjectRequestInput = z.input<typeof SubjectRequestPayload>;
export const SUBJECT_REQUEST = sealedKind('subject-request', SubjectRequestPayload);

export interface SubjectRequest {
  readonly id: string;
  readonly updatedAt: number;
  readonly data: SubjectRequestPayload;
}

export const requestRepository = (workspace: Workspace) => workspace.compliance(SUBJECT_REQUEST);

/** The due date in force: the first, or the extended one when an extension was recorded. */
export const requestDueOn = (request: SubjectRequestPayload): string =>
  dueDate(request.receivedOn, request.extension?.months ?? 0);

/**
 * Why the register refused: `not_verified` — the person's identity was not recorded as verified (an access
 * package or an erasure needs it); `wrong_request` — the request is not the right's, or about someone else;
 * `controller_not_named` — a letter to the person would name the placeholder, not the organisation.
 */
export type RequestRuleCode =
  'extension_too_late' | 'closed' | 'not_verified' | 'wrong_request' | 'controller_not_named';

/** A refused change, with a code the UI translates (rights:errors.<code>). */
export class RequestRuleError extends Error {
  constructor(readonly code: RequestRuleCode) {
    super(`Request rule: ${code}`);
    this.name = 'RequestRuleError';
  }
}

export type NewRequest = Pick<
  SubjectRequestInput,
  'subjectId' | 'requester' | 'right' | 'receivedOn' | 'channel' | 'details'
>;

const idsOf = (id: string, data: SubjectRequestPayload): string[] =>
  data.subjectId ? [id, data.subjectId] : [id];

const entryFor = (action: 'create' | 'update', request: SubjectRequest): AuditEvent => ({
  action,
  kind: SUBJECT_REQUEST.kind,
  recordIds: idsOf(request.id, request.data),
  requestId: request.id,
});

/** Files a new request as received; returns it with its audit entry (the operation writes it). */
export const fileRequest = async (
  workspace: Workspace,
  input: NewRequest,
  now: number,
): Promise<Done<SubjectRequest>> => {
  const request = await requestRepository(workspace).put({
    ...input,
    status: 'received',
    history: [{ status: 'received', at: now, by: workspace.audit.actor }],
  });
  return { result: request, audit: entryFor('create', request) };
};

/** Applies one change, refusing changes to a closed request; returns it with its audit entry. */
export const changeRequest = async (
  workspace: Workspace,
  id: string,
  apply: (current: SubjectRequestPayload) => SubjectRequestPayload,
  allowClosed = false,
): Promise<Done<SubjectRequest>> => {
  const repository = requestRepository(workspace);
  const current = await repository.get(id);
  if (!allowClosed && !isOpen(current.data.status)) throw new RequestRuleError('closed');
  const next = await repository.put(apply(current.data), id);
  return { result: next, audit: entryFor('update', next) };
};

export const withStatus = (
  data: SubjectRequestPayload,
  status: RequestStatus,
  at: number,
  actor: string,
  note = '',
): SubjectRequestPayload =>
  data.status === status
    ? data
    : { ...data, status, history: [...data.history, { status, at, by: actor, note }] };

export interface RequestLinks {
  readonly erasureCertificateId?: string;
  readonly fieldChangeIds?: readonly string[];
}

/** Lists what the request caused (an erasure certificate, field changes), also after closing. */
export const linkRequest = (workspace: Workspace, id: string, links: RequestLinks) =>
  changeRequest(
    workspace,
    id,
    (data) => ({
      ...data,
      links: {
        erasureCertificateId: links.erasureCertificateId ?? data.links.erasureCertificateId,
        fieldChangeIds: [...new Set([...data.links.fieldChangeIds, ...(links.fieldChangeIds ?? [])])],
      },
    }),
    true,
  );

/** Every request, optionally about one person. */
export const listRequests = async (workspace: Workspace, subjectId?: string): Promise<SubjectRequest[]> => {
  const { records } = await requestRepository(workspace).list();
  return records.filter((r) => !subjectId || r.data.subjectId === subjectId);
};

/**
 * The register's request that an action answers, checked before the action runs: it must be about this
 * subject, ask for this right, be open, and have the person's identity recorded as verified (Art. 12(6)),
 * or the action is refused with the rule's code. Null when `requestId` is not a request in the register
 * (an erasure for a retention review, or one an administrator starts from the person's Privacy tab).
 */
export const requestToAnswer = async (
  workspace: Workspace,
  requestId: string | null,
  subjectId: string,
  rights: readonly Right[],
): Promise<SubjectRequest | null> => {
  if (!requestId) return null;
  const request = await requestRepository(workspace)
    .get(requestId)
    .catch(() => null);
  if (!request) return null;
  const { data } = request;
  if (data.subjectId !== subjectId || !rights.includes(data.right))
    throw new RequestRuleError('wrong_request');
  if (!isOpen(data.status)) throw new RequestRuleError('closed');
  if (!data.verification) throw new RequestRuleError('not_verified');
  return request;
};

/**
 * Closes an erasure request with its certificate: linked, decided as granted (partly, when something was
 * kept under an Art. 17(3) exception) and completed, in one change audited as an update of the request.
 */
export const answerWithErasure = (
  workspace: Workspace,
  id: string,
  { certificateId, partly, at }: { certificateId: string; partly: boolean; at: number },
) =>
  changeRequest(workspace, id, (data) => {
    const by = workspace.audit.actor;
    const decided = {
      ...data,
      links: { ...data.links, erasureCertificateId: certificateId },
      decision: { outcome: partly ? ('partly_granted' as const) : ('granted' as const), reasons: '', at, by },
    };
    return withStatus(decided, 'completed', at, by);
  });
