// What the managers' reports read and what they answer. The reports are computed on this device from
// decrypted items; these shapes carry only what the figures need, so the maths can be tested on plain data.
import type { ActivityPayload } from '../activities';
import type { CasePayload, CaseStatus } from '../cases';
import type { DealPayload, Pipeline } from '../deals';
import type { TaskPayload } from '../tasks';

interface Item<P> {
  readonly id: string;
  readonly subjectId: string;
  readonly data: P;
}

export type ReportDeal = Item<
  Pick<
    DealPayload,
    | 'title'
    | 'stageId'
    | 'value'
    | 'currency'
    | 'expectedCloseDate'
    | 'probability'
    | 'ownerId'
    | 'outcome'
    | 'reason'
    | 'closedAt'
    | 'createdAt'
  >
>;
export type ReportActivity = Item<Pick<ActivityPayload, 'occurredAt' | 'createdBy'>>;
export type ReportCase = Item<Pick<CasePayload, 'status' | 'assigneeId' | 'createdAt' | 'resolvedAt'>>;
export type ReportTask = Item<Pick<TaskPayload, 'title' | 'dueDate' | 'assigneeId' | 'status'>>;

/** Everything the reports and the manager's home are computed from. */
export interface ReportData {
  readonly pipeline: Pipeline;
  readonly deals: readonly ReportDeal[];
  readonly activities: readonly ReportActivity[];
  readonly cases: readonly ReportCase[];
  readonly tasks: readonly ReportTask[];
}

/**
 * Which slice the reports show: a period of local calendar dates (inclusive), one owner or everyone, one
 * team or every team, and the currency amounts are summed in (amounts in different currencies are never added together).
 */
export interface ReportFilter {
  readonly from: string;
  readonly to: string;
  /** A member's user id; null for everyone. */
  readonly ownerId: string | null;
  /** A team (shared/teams): only what its members own; null or absent for every team. */
  readonly team?: ReportTeam | null;
  readonly currency: string;
}

/** The team a report is narrowed to: its id (for the audit) and its members' user ids. */
export interface ReportTeam {
  readonly id: string;
  readonly memberIds: readonly string[];
}

/** Money in minor units of the filter's currency. */
export interface PipelineCell {
  readonly stageId: string;
  readonly ownerId: string;
  readonly count: number;
  readonly value: number;
}

export interface ForecastMonth {
  /** YYYY-MM. */
  readonly month: string;
  readonly count: number;
  readonly value: number;
  /** Sum of value × probability, rounded to whole minor units once per month. */
  readonly weighted: number;
}

export interface OutcomeReason {
  readonly outcome: 'won' | 'lost';
  readonly reason: string;
  readonly count: number;
  readonly value: number;
}

export interface WinLoss {
  readonly won: number;
  readonly lost: number;
  readonly wonValue: number;
  readonly lostValue: number;
  /** Won ÷ (won + lost) by count, 0–1; null when nothing closed. */
  readonly winRate: number | null;
  readonly reasons: readonly OutcomeReason[];
}

export interface SalesCycle {
  /** Won deals closed in the period. */
  readonly deals: number;
  /** Mean days from creation to close, one decimal; null without won deals. */
  readonly averageDays: number | null;
}

export interface ActivityWeek {
  /** The Monday (local date) the week starts on. */
  readonly week: string;
  readonly userId: string;
  readonly count: number;
}

export const CASE_AGES = ['0-7', '8-30', '31-90', '90+'] as const;
export type CaseAge = (typeof CASE_AGES)[number];

export interface CaseStatusRow {
  readonly status: CaseStatus;
  readonly count: number;
  /** Cases by days since they were opened (still-open cases to now, resolved ones to resolution). */
  readonly ages: Readonly<Record<CaseAge, number>>;
}

export interface Reports {
  readonly filter: ReportFilter;
  readonly pipeline: readonly PipelineCell[];
  readonly forecast: readonly ForecastMonth[];
  readonly winLoss: WinLoss;
  readonly cycle: SalesCycle;
  readonly activities: readonly ActivityWeek[];
  readonly cases: readonly CaseStatusRow[];
}
