// A deal: a sale in progress with an organisation or a person. It is an item about its subject — the
// organisation when there is one, else the person — so erasing that subject takes the deal with it.
// Money is kept in integer minor units (cents) with its ISO 4217 currency: no floating-point sums.
import { z } from 'zod';
import { RecordId, trimmed, nowByDefault, linkedSubjectId } from '../people';
import { findStage, type Pipeline, type Stage, type StageKind } from './pipeline';
import { sealedKind } from '../store';

export const DEAL_KIND = 'deal';
export const DEAL_VERSION = 1;

/** Active ISO 4217 codes (Intl's list where the runtime has one, else the common ones). */
const CURRENCIES: ReadonlySet<string> = new Set(
  typeof Intl.supportedValuesOf === 'function'
    ? Intl.supportedValuesOf('currency')
    : ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY', 'CNY', 'CAD', 'AUD'],
);

export const isCurrencyCode = (code: string): boolean => CURRENCIES.has(code);

export const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && isCurrencyCode(code), 'currency');

/** Digits after the decimal point for a currency (EUR 2, JPY 0, KWD 3). */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

export const DealOutcome = z.enum(['open', 'won', 'lost']);
export type DealOutcome = z.infer<typeof DealOutcome>;

export const DealPayload = z
  .object({
    title: trimmed(200).min(1, 'title'),
    stageId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'stage'),
    /** In minor units of `currency` (cents for EUR). */
    value: z.number().int('minor-units').min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    currency: CurrencyCode.default('EUR'),
    expectedCloseDate: IsoDate.nullable().default(null),
    /** Overrides the stage's probability; null follows the stage. */
    probability: z.number().int().min(0).max(100).nullable().default(null),
    /** The user id of the salesperson responsible ('local' for an unlinked vault's owner). */
    ownerId: z.string().min(1).max(64),
    organisationId: RecordId.nullable().default(null),
    personId: RecordId.nullable().default(null),
    notes: trimmed(20_000).default(''),
    /** Follows the kind of the stage the deal is in; a closed deal needs a reason. */
    outcome: DealOutcome.default('open'),
    reason: trimmed(500).default(''),
    closedAt: z.number().int().nonnegative().nullable().default(null),
    createdAt: nowByDefault(),
  })
  .superRefine((deal, ctx) => {
    if (!deal.organisationId && !deal.personId)
      ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'subject' });
    if (deal.outcome !== 'open' && !deal.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason' });
    if (deal.outcome !== 'open' && deal.closedAt === null)
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'closedAt' });
  });

export type DealPayload = z.infer<typeof DealPayload>;
export type DealInput = z.input<typeof DealPayload>;

export const DEAL_CONFIG = sealedKind(DEAL_KIND, DealPayload, DEAL_VERSION);

/** The subject a deal is stored under: its organisation when it has one, else its person. */
export const dealSubjectId = (deal: Pick<DealPayload, 'organisationId' | 'personId'>): string =>
  linkedSubjectId(deal, 'deal');

/** Thrown when a deal is moved to a won or lost stage without saying why. */
export class ReasonRequiredError extends Error {
  override readonly name = 'ReasonRequiredError';
  constructor(readonly outcome: Exclude<StageKind, 'open'>) {
    super(`A ${outcome} deal needs a reason`);
  }
}

/**
 * The deal after a move to `stage`: its outcome follows the stage's kind; closing needs a reason and
 * stamps closedAt; reopening clears both.
 */
export const moveDealTo = (
  deal: DealPayload,
  stage: Stage,
  reason = '',
  now: number = Date.now(),
): DealPayload => {
  if (stage.kind === 'open')
    return { ...deal, stageId: stage.id, outcome: 'open', reason: '', closedAt: null };
  const why = reason.trim() || (deal.outcome === stage.kind ? deal.reason : '');
  if (!why) throw new ReasonRequiredError(stage.kind);
  return {
    ...deal,
    stageId: stage.id,
    outcome: stage.kind,
    reason: why,
    closedAt: deal.outcome === stage.kind && deal.closedAt !== null ? deal.closedAt : now,
  };
};

/** The stage a deal shows under: its own, or — when that stage was removed — the first of its outcome. */
export const stageOfDeal = (pipeline: Pipeline, deal: Pick<DealPayload, 'stageId' | 'outcome'>): Stage =>
  findStage(pipeline, deal.stageId) ??
  pipeline.stages.find((s) => s.kind === deal.outcome) ??
  pipeline.stages[0]!;

export const effectiveProbability = (
  pipeline: Pipeline,
  deal: Pick<DealPayload, 'stageId' | 'outcome' | 'probability'>,
): number => deal.probability ?? stageOfDeal(pipeline, deal).probability;

/** Sums of minor units per currency: amounts in different currencies are never added together. */
export const totalsByCurrency = (
  deals: Iterable<Pick<DealPayload, 'value' | 'currency'>>,
): ReadonlyMap<string, number> => {
  const totals = new Map<string, number>();
  for (const deal of deals) totals.set(deal.currency, (totals.get(deal.currency) ?? 0) + deal.value);
  return totals;
};

/** Parses "1.234,56" or "1234.56" typed by a user into minor units; null when it is not an amount. */
export const parseAmount = (text: string, currency: string): number | null => {
  const cleaned = text.replace(/[\s\u00a0']/g, '');
  if (!cleaned) return 0;
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const digits = minorDigits(currency);
  // The last separator followed by 1..digits digits is the decimal mark; any other is grouping.
  const match = digits > 0 ? new RegExp(`^(.*?)[.,](\\d{1,${digits}})$`).exec(cleaned) : null;
  const whole = (match ? match[1]! : cleaned).replace(/[.,]/g, '');
  const fraction = (match ? match[2]! : '').padEnd(digits, '0');
  if (!/^\d+$/.test(whole)) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction || '0');
  return Number.isSafeInteger(minor) ? minor : null;
};
