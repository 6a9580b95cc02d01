// A service case: a question or complaint from a customer, worked until resolved. Stored under its
// subject (the organisation when linked, else the person), so erasure takes it. Replies and internal
// notes are separate append-style items ('case-entry') under the same subject rather than an array in the
// case: two colleagues answering at once then both keep their entry (the sync merge works per field, and
// one growing array would be one field where one of them would lose).
import { z } from 'zod';
import { RecordId, trimmed, nowByDefault, linkedSubjectId } from '../people';
import { sealedKind } from '../store';

export const CASE_KIND = 'case';
export const CASE_VERSION = 1;
export const CASE_ENTRY_KIND = 'case-entry';
export const CASE_ENTRY_VERSION = 1;

export const CASE_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** Highest first: the order the cases list sorts by. */
export const CASE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

export const CasePayload = z
  .object({
    subject: trimmed(200).min(1, 'subject'),
    description: trimmed(20_000).default(''),
    status: CaseStatus.default('new'),
    priority: CasePriority.default('normal'),
    /** The user id working the case, or null while unassigned. */
    assigneeId: z.string().min(1).max(64).nullable().default(null),
    organisationId: RecordId.nullable().default(null),
    personId: RecordId.nullable().default(null),
    createdAt: nowByDefault(),
    /** Set when the case was resolved or closed; cleared when it is reopened. */
    resolvedAt: z.number().int().nonnegative().nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (!c.organisationId && !c.personId)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'subject' });
  });
export type CasePayload = z.infer<typeof CasePayload>;
export type CaseInput = z.input<typeof CasePayload>;

export const CASE_CONFIG = sealedKind(CASE_KIND, CasePayload, CASE_VERSION);

export const CaseEntryType = z.enum(['reply', 'note']);
export type CaseEntryType = z.infer<typeof CaseEntryType>;

/** One entry on a case's timeline: a reply to the customer or an internal note. */
export const CaseEntryPayload = z.object({
  caseId: RecordId,
  type: CaseEntryType,
  body: trimmed(50_000).min(1, 'body'),
  authorId: z.string().min(1).max(64),
  at: nowByDefault(),
});
export type CaseEntryPayload = z.infer<typeof CaseEntryPayload>;

export const CASE_ENTRY_CONFIG = sealedKind(CASE_ENTRY_KIND, CaseEntryPayload, CASE_ENTRY_VERSION);

export const caseSubjectId = (c: Pick<CasePayload, 'organisationId' | 'personId'>): string =>
  linkedSubjectId(c, 'case');

export const isCaseClosed = (status: CaseStatus): boolean => status === 'resolved' || status === 'closed';

/** The case with a new status; resolvedAt is stamped on resolving or closing and cleared on reopening. */
export const withCaseStatus = (
  c: CasePayload,
  status: CaseStatus,
  now: number = Date.now(),
): CasePayload => ({
  ...c,
  status,
  resolvedAt: isCaseClosed(status) ? (isCaseClosed(c.status) ? (c.resolvedAt ?? now) : now) : null,
});

/** Most urgent first, then oldest first: the case waiting longest at the highest priority is on top. */
export const compareCases = (
  a: Pick<CasePayload, 'priority' | 'createdAt'>,
  b: Pick<CasePayload, 'priority' | 'createdAt'>,
): number =>
  CASE_PRIORITIES.indexOf(a.priority) - CASE_PRIORITIES.indexOf(b.priority) || a.createdAt - b.createdAt;
