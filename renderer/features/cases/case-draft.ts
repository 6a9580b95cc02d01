// The case form's fields and their conversion to a valid case, with problems named by field.
import {
  CasePayload,
  withCaseStatus,
  type CasePayload as ServiceCaseData,
  type CasePriority,
  type CaseStatus,
} from '../../../shared/cases';
import type { Checked } from '../../kit/useCheckedSave';

export interface CaseDraft {
  subject: string;
  description: string;
  organisationId: string | null;
  personId: string | null;
  priority: CasePriority;
  status: CaseStatus;
  assigneeId: string | null;
}

export type CaseErrors = Partial<Record<'subject' | 'link', string>>;

export const newCaseDraft = (
  assigneeId: string | null,
  link: { organisationId?: string | null; personId?: string | null } = {},
): CaseDraft => ({
  subject: '',
  description: '',
  organisationId: link.organisationId ?? null,
  personId: link.personId ?? null,
  priority: 'normal',
  status: 'new',
  assigneeId,
});

export const draftOfCase = (c: ServiceCaseData): CaseDraft => ({
  subject: c.subject,
  description: c.description,
  organisationId: c.organisationId,
  personId: c.personId,
  priority: c.priority,
  status: c.status,
  assigneeId: c.assigneeId,
});

export const caseFromDraft = (
  draft: CaseDraft,
  previous: ServiceCaseData | null,
  now: number = Date.now(),
): Checked<ServiceCaseData, CaseErrors> => {
  const errors: CaseErrors = {};
  if (!draft.subject.trim()) errors.subject = 'cases.errors.subject';
  if (!draft.organisationId && !draft.personId) errors.link = 'cases.errors.link';
  if (Object.keys(errors).length) return { ok: false, errors };
  const parsed = CasePayload.safeParse({
    ...previous,
    subject: draft.subject,
    description: draft.description,
    organisationId: draft.organisationId,
    personId: draft.personId,
    priority: draft.priority,
    assigneeId: draft.assigneeId,
    status: previous?.status ?? 'new',
    createdAt: previous?.createdAt ?? now,
  });
  if (!parsed.success) return { ok: false, errors: { subject: 'cases.errors.save' } };
  return { ok: true, data: withCaseStatus(parsed.data, draft.status, now) };
};
