// The manager's home: what will close this quarter, what is due this month, who is behind on tasks and
// which deals have gone quiet. Pure, over the same decrypted items as the reports.
import { effectiveProbability, stageOfDeal } from '../deals';
import { addDays } from '../tasks';
import { dayOf, pipelineByStageAndOwner } from './reports';
import type { PipelineCell, ReportData, ReportDeal } from './types';

/** Days without an activity on its subject after which an open deal counts as stale. */
export const STALE_DAYS = 30;

export interface QuarterPipeline {
  readonly from: string;
  readonly to: string;
  readonly cells: readonly PipelineCell[];
  readonly count: number;
  readonly value: number;
  readonly weighted: number;
}

export interface DealLine {
  readonly id: string;
  readonly title: string;
  readonly ownerId: string;
  readonly stageId: string;
  readonly value: number;
  readonly expectedCloseDate: string | null;
  readonly probability: number;
}

export interface OverdueTasks {
  readonly userId: string;
  readonly count: number;
  /** The earliest due date among them. */
  readonly oldest: string;
}

export interface StaleDeal extends DealLine {
  /** The last activity on the deal's subject, or the deal's creation when there was none. */
  readonly lastActivity: number;
  readonly days: number;
}

export interface ManagerHome {
  readonly currency: string;
  readonly quarter: QuarterPipeline;
  readonly closingThisMonth: readonly DealLine[];
  readonly overdue: readonly OverdueTasks[];
  readonly stale: readonly StaleDeal[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last local date of the quarter `today` falls in. */
export const quarterOf = (today: string): { from: string; to: string } => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  const from = `${y}-${pad(first)}-01`;
  const next = first + 3 > 12 ? `${y + 1}-01-01` : `${y}-${pad(first + 3)}-01`;
  return { from, to: addDays(next, -1) };
};

const line = (data: ReportData, deal: ReportDeal): DealLine => ({
  id: deal.id,
  title: deal.data.title,
  ownerId: deal.data.ownerId,
  stageId: stageOfDeal(data.pipeline, deal.data).id,
  value: deal.data.value,
  expectedCloseDate: deal.data.expectedCloseDate,
  probability: effectiveProbability(data.pipeline, deal.data),
});

export const managerHome = (data: ReportData, currency: string, now: number): ManagerHome => {
  const today = dayOf(now);
  const { from, to } = quarterOf(today);
  const filter = { from, to, ownerId: null, currency };
  const cells = pipelineByStageAndOwner(data, filter);
  const inQuarter = data.deals.filter(
    (d) =>
      d.data.outcome === 'open' &&
      d.data.currency === currency &&
      d.data.expectedCloseDate !== null &&
      d.data.expectedCloseDate >= from &&
      d.data.expectedCloseDate <= to,
  );
  const weighted = inQuarter.reduce(
    (n, d) => n + (d.data.value * effectiveProbability(data.pipeline, d.data)) / 100,
    0,
  );
  const month = today.slice(0, 7);
  const open = data.deals.filter((d) => d.data.outcome === 'open');

  const overdue = new Map<string, { userId: string; count: number; oldest: string }>();
  for (const task of data.tasks) {
    const { status, dueDate, assigneeId } = task.data;
    if (status !== 'open' || dueDate === null || dueDate >= today) continue;
    const row = overdue.get(assigneeId) ?? { userId: assigneeId, count: 0, oldest: dueDate };
    row.count += 1;
    if (dueDate < row.oldest) row.oldest = dueDate;
    overdue.set(assigneeId, row);
  }

  const lastActivity = new Map<string, number>();
  for (const a of data.activities)
    lastActivity.set(a.subjectId, Math.max(lastActivity.get(a.subjectId) ?? 0, a.data.occurredAt));
  const stale: StaleDeal[] = [];
  for (const deal of open) {
    const last = Math.max(lastActivity.get(deal.subjectId) ?? 0, deal.data.createdAt);
    const days = Math.floor((now - last) / 86_400_000);
    if (days >= STALE_DAYS) stale.push({ ...line(data, deal), lastActivity: last, days });
  }

  return {
    currency,
    quarter: {
      from,
      to,
      cells,
      count: inQuarter.length,
      value: inQuarter.reduce((n, d) => n + d.data.value, 0),
      weighted: Math.round(weighted),
    },
    closingThisMonth: open
      .filter((d) => d.data.expectedCloseDate?.slice(0, 7) === month)
      .map((d) => line(data, d))
      .sort((a, b) => (a.expectedCloseDate! < b.expectedCloseDate! ? -1 : 1) || b.value - a.value),
    overdue: [...overdue.values()].sort((a, b) => b.count - a.count || (a.userId < b.userId ? -1 : 1)),
    stale: stale.sort((a, b) => b.days - a.days),
  };
};
