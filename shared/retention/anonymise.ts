// Anonymisation: the subject is erased (crypto-shredded, with a certificate) but the figures
// the business keeps counting survive — deals per stage, revenue per month, activities per kind per
// month — in an anonymous aggregate record (organisation settings, kind `anonymous-aggregate`, org-key
// encrypted). The aggregate holds no id, name or text of the subject: only stages, amounts and months.
import { z } from 'zod';
import { ACTIVITY_ITEMS, ActivityType, type ActivityPayload } from '../activities';
import { CurrencyCode, DEAL_CONFIG, DealOutcome, type DealPayload } from '../deals';
import { eraseSubjectInSteps, type EraseOptions } from '../erasure';
import type { AuditStep } from '../workspace';
import type { ErasureCertificate } from '../erasure';
import { newId } from '../crypto';
import type { Session } from '../vault';
import { SubjectKind } from './retention-rules';
import { SettingId } from '../purposes';
import { sealedKind } from '../store';

const Month = z.string().regex(/^\d{4}-\d{2}$/, 'month');

export const AnonymousAggregatePayload = z.object({
  subjectKind: SubjectKind,
  /** The month of anonymisation only: a day would help re-identify. */
  anonymisedMonth: Month,
  ruleId: SettingId.nullable().default(null),
  deals: z
    .array(
      z.object({
        stageId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'stage'),
        outcome: DealOutcome,
        value: z.number().int().min(0),
        currency: CurrencyCode,
        /** The month the deal closed (won or lost), or null while open. */
        closeMonth: Month.nullable(),
      }),
    )
    .max(100_000),
  activities: z
    .array(z.object({ type: ActivityType, month: Month, count: z.number().int().positive() }))
    .max(100_000),
});
export type AnonymousAggregatePayload = z.infer<typeof AnonymousAggregatePayload>;
export const ANONYMOUS_AGGREGATE = sealedKind('anonymous-aggregate', AnonymousAggregatePayload);

export const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);

/** The anonymous aggregate of one subject's deals and activities. */
export const aggregateOf = (
  subjectKind: SubjectKind,
  deals: readonly DealPayload[],
  activities: readonly ActivityPayload[],
  now: number,
  ruleId: string | null = null,
): AnonymousAggregatePayload => {
  const counts = new Map<string, { type: ActivityPayload['type']; month: string; count: number }>();
  for (const a of activities) {
    const month = monthOf(a.occurredAt);
    const key = `${a.type}|${month}`;
    const entry = counts.get(key) ?? { type: a.type, month, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return {
    subjectKind,
    anonymisedMonth: monthOf(now),
    ruleId,
    deals: deals.map((d) => ({
      stageId: d.stageId,
      outcome: d.outcome,
      value: d.value,
      currency: d.currency,
      closeMonth: d.closedAt === null ? null : monthOf(d.closedAt),
    })),
    activities: [...counts.values()].sort((a, b) =>
      a.month === b.month ? (a.type < b.type ? -1 : 1) : a.month < b.month ? -1 : 1,
    ),
  };
};

export interface SalesFigures {
  /** Won revenue in minor units: month (YYYY-MM) -> currency -> sum. Currencies are never added together. */
  readonly revenueByMonth: Record<string, Record<string, number>>;
  /** Deals per stage id. */
  readonly dealsByStage: Record<string, number>;
  /** Activities: month -> type -> count. */
  readonly activitiesByMonth: Record<string, Record<string, number>>;
}

const add = (table: Record<string, Record<string, number>>, row: string, column: string, n: number) => {
  const r = (table[row] ??= {});
  r[column] = (r[column] ?? 0) + n;
};

/** The figures reports show, from live deals and activities plus the anonymous aggregates. */
export const salesFigures = (
  deals: readonly DealPayload[],
  activities: readonly ActivityPayload[],
  aggregates: readonly AnonymousAggregatePayload[],
): SalesFigures => {
  const revenueByMonth: Record<string, Record<string, number>> = {};
  const dealsByStage: Record<string, number> = {};
  const activitiesByMonth: Record<string, Record<string, number>> = {};
  const rows = [
    ...deals.map((d) => ({ ...d, closeMonth: d.closedAt === null ? null : monthOf(d.closedAt) })),
    ...aggregates.flatMap((a) => a.deals),
  ];
  for (const d of rows) {
    dealsByStage[d.stageId] = (dealsByStage[d.stageId] ?? 0) + 1;
    if (d.outcome === 'won' && d.closeMonth) add(revenueByMonth, d.closeMonth, d.currency, d.value);
  }
  for (const a of activities) add(activitiesByMonth, monthOf(a.occurredAt), a.type, 1);
  for (const g of aggregates) for (const a of g.activities) add(activitiesByMonth, a.month, a.type, a.count);
  return { revenueByMonth, dealsByStage, activitiesByMonth };
};

/** Every figure of the vault: deals and activities decrypted, plus every anonymous aggregate. */
export const loadSalesFigures = async (session: Session): Promise<SalesFigures> => {
  const [deals, activities, aggregates] = await Promise.all([
    session.items(DEAL_CONFIG).loadAll(),
    session.items(ACTIVITY_ITEMS).loadAll(),
    session.settings(ANONYMOUS_AGGREGATE).list(),
  ]);
  return salesFigures(
    deals.records.map((r) => r.data),
    activities.records.map((r) => r.data),
    aggregates.records.map((r) => r.data),
  );
};

export interface AnonymiseOptions extends Pick<EraseOptions, 'ledger' | 'onProgress' | 'keep'> {
  readonly subjectId: string;
  /** The reference the erasure certificate carries: the request, or the retention review's id. */
  readonly requestId: string;
  readonly ruleId?: string | null;
  readonly now?: () => number;
}

/**
 * Writes the subject's anonymous aggregate, then erases the subject. If the erasure fails before anything
 * is destroyed, the aggregate is removed again, so the figures never count a subject twice.
 */
export const anonymiseSubject = async (
  session: Session,
  options: AnonymiseOptions,
  step: AuditStep,
): Promise<{ aggregateId: string; certificate: ErasureCertificate }> => {
  const now = options.now ?? Date.now;
  const record = await session.db.records.findOne(options.subjectId).exec();
  const subjectKind = SubjectKind.safeParse(record?.kind);
  const [deals, activities] = await Promise.all([
    session.items(DEAL_CONFIG).listForSubject(options.subjectId),
    session.items(ACTIVITY_ITEMS).listForSubject(options.subjectId),
  ]);
  const aggregates = session.settings(ANONYMOUS_AGGREGATE);
  const aggregateId = newId();
  // A subject that is not here (or not a person/organisation) is reported by eraseSubject itself.
  if (subjectKind.success) {
    const aggregate = aggregateOf(
      subjectKind.data,
      deals.records.map((r) => r.data),
      activities.records.map((r) => r.data),
      now(),
      options.ruleId ?? null,
    );
    await aggregates.put(aggregate, aggregateId);
  }
  try {
    const certificate = await eraseSubjectInSteps(
      session,
      {
        subjectId: options.subjectId,
        requestId: options.requestId,
        keep: options.keep,
        ledger: options.ledger,
        onProgress: options.onProgress,
        now,
      },
      step,
    );
    return { aggregateId, certificate };
  } catch (error) {
    if (subjectKind.success) await aggregates.remove(aggregateId).catch(() => undefined);
    throw error;
  }
};
