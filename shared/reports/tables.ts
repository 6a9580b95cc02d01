// Each report as a table of typed cells in the reader's language: the screen's text alternative, the
// XLSX workbook and the printable HTML are all made from these, so the three cannot disagree.
import type { CaseStatus } from '../cases';
import { minorDigits } from '../deals';
import { CASE_AGES, type CaseAge, type Reports } from './types';

export const REPORT_IDS = ['pipeline', 'forecast', 'winLoss', 'cycle', 'activities', 'cases'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export type ReportCell = string | number;

export interface ReportTable {
  readonly id: ReportId;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ReportCell[])[];
}

/** The words the tables need, given by the caller in the interface language. */
export interface ReportTexts {
  readonly title: (id: ReportId) => string;
  readonly column: (id: ReportId, column: string) => string;
  readonly owner: (userId: string) => string;
  readonly stage: (stageId: string) => string;
  readonly outcome: (outcome: 'won' | 'lost') => string;
  readonly status: (status: CaseStatus) => string;
  readonly age: (age: CaseAge) => string;
  /** Shown for a closed deal whose reason is empty. */
  readonly noReason: string;
}

/** Minor units as a number of whole currency units (1234 cents → 12.34). */
export const toMajor = (minor: number, currency: string): number => {
  const digits = minorDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
};

const table = (
  texts: ReportTexts,
  id: ReportId,
  columns: readonly string[],
  rows: readonly (readonly ReportCell[])[],
): ReportTable => ({
  id,
  title: texts.title(id),
  columns: columns.map((c) => texts.column(id, c)),
  rows,
});

export const reportTables = (reports: Reports, texts: ReportTexts): ReportTable[] => {
  const money = (minor: number) => toMajor(minor, reports.filter.currency);
  const { winLoss, cycle } = reports;
  return [
    table(
      texts,
      'pipeline',
      ['stage', 'owner', 'count', 'value'],
      reports.pipeline.map((c) => [texts.stage(c.stageId), texts.owner(c.ownerId), c.count, money(c.value)]),
    ),
    table(
      texts,
      'forecast',
      ['month', 'count', 'value', 'weighted'],
      reports.forecast.map((m) => [m.month, m.count, money(m.value), money(m.weighted)]),
    ),
    table(
      texts,
      'winLoss',
      ['outcome', 'reason', 'count', 'value'],
      [
        ...winLoss.reasons.map((r) => [
          texts.outcome(r.outcome),
          r.reason || texts.noReason,
          r.count,
          money(r.value),
        ]),
      ],
    ),
    table(
      texts,
      'cycle',
      ['won', 'lost', 'winRate', 'averageDays'],
      [
        [
          winLoss.won,
          winLoss.lost,
          winLoss.winRate === null ? '' : Math.round(winLoss.winRate * 1000) / 10,
          cycle.averageDays ?? '',
        ],
      ],
    ),
    table(
      texts,
      'activities',
      ['week', 'person', 'count'],
      reports.activities.map((a) => [a.week, texts.owner(a.userId), a.count]),
    ),
    table(
      texts,
      'cases',
      ['status', 'count', ...CASE_AGES],
      reports.cases.map((row) => [texts.status(row.status), row.count, ...CASE_AGES.map((a) => row.ages[a])]),
    ),
  ];
};
