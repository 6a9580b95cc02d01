// The deal form's text fields and their conversion to a valid deal: amounts typed in the user's style
// become minor units; the outcome follows the chosen stage; each problem is named by its field.
import {
  DealPayload,
  isCurrencyCode,
  moveDealTo,
  parseAmount,
  type DealPayload as Deal,
} from '../../../shared/deals';
import { findStage, type Pipeline } from '../../../shared/deals';
import { amountInput } from './format';
import type { Checked } from '../../kit/useCheckedSave';

export interface DealDraft {
  title: string;
  organisationId: string | null;
  personId: string | null;
  stageId: string;
  value: string;
  currency: string;
  expectedCloseDate: string;
  probability: string;
  ownerId: string;
  notes: string;
  reason: string;
}

export type DealField = 'title' | 'subject' | 'value' | 'currency' | 'probability' | 'reason' | 'stage';
export type DealErrors = Partial<Record<DealField, string>>;

export const newDealDraft = (
  pipeline: Pipeline,
  ownerId: string,
  subject: { organisationId?: string | null; personId?: string | null } = {},
): DealDraft => ({
  title: '',
  organisationId: subject.organisationId ?? null,
  personId: subject.personId ?? null,
  stageId: pipeline.stages.find((s) => s.kind === 'open')?.id ?? pipeline.stages[0]!.id,
  value: '',
  currency: 'EUR',
  expectedCloseDate: '',
  probability: '',
  ownerId,
  notes: '',
  reason: '',
});

export const draftOfDeal = (deal: Deal, language: string): DealDraft => ({
  title: deal.title,
  organisationId: deal.organisationId,
  personId: deal.personId,
  stageId: deal.stageId,
  value: amountInput(deal.value, deal.currency, language),
  currency: deal.currency,
  expectedCloseDate: deal.expectedCloseDate ?? '',
  probability: deal.probability === null ? '' : String(deal.probability),
  ownerId: deal.ownerId,
  notes: deal.notes,
  reason: deal.reason,
});

/** The deal the draft describes, or the errors (message keys) per field. */
export const dealFromDraft = (
  draft: DealDraft,
  pipeline: Pipeline,
  previous: Deal | null,
  now: number = Date.now(),
): Checked<Deal, DealErrors> => {
  const errors: DealErrors = {};
  const currency = draft.currency.trim().toUpperCase();
  if (!draft.title.trim()) errors.title = 'deals.errors.title';
  if (!draft.organisationId && !draft.personId) errors.subject = 'deals.errors.subject';
  if (!/^[A-Z]{3}$/.test(currency) || !isCurrencyCode(currency)) errors.currency = 'deals.errors.currency';
  const value = errors.currency ? null : parseAmount(draft.value, currency);
  if (value === null && !errors.currency) errors.value = 'deals.errors.value';
  const probabilityText = draft.probability.trim();
  const probability = probabilityText === '' ? null : Number(probabilityText);
  if (probability !== null && !(Number.isInteger(probability) && probability >= 0 && probability <= 100))
    errors.probability = 'deals.errors.probability';
  const stage = findStage(pipeline, draft.stageId);
  if (!stage) errors.stage = 'deals.errors.save';
  if (stage && stage.kind !== 'open' && !draft.reason.trim()) errors.reason = 'deals.errors.reason';
  if (Object.keys(errors).length || !stage) return { ok: false, errors };

  const base = DealPayload.safeParse({
    title: draft.title,
    stageId: previous?.stageId ?? stage.id,
    value: value ?? 0,
    currency,
    expectedCloseDate: draft.expectedCloseDate || null,
    probability,
    ownerId: draft.ownerId,
    organisationId: draft.organisationId,
    personId: draft.personId,
    notes: draft.notes,
    outcome: previous?.outcome ?? 'open',
    reason: previous?.reason ?? '',
    closedAt: previous?.closedAt ?? null,
    createdAt: previous?.createdAt ?? now,
  });
  if (!base.success) return { ok: false, errors: { title: 'deals.errors.save' } };
  return { ok: true, data: moveDealTo(base.data, stage, draft.reason, now) };
};
