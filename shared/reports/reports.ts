// The managers' reports, pure: pipeline by stage and owner, forecast by close month weighted by stage
// probability, won and lost with reasons, average sales cycle, activities per person per week, and cases
// by status and age. Dates are the user's local calendar days, as the deals and tasks screens show them.
import { CASE_STATUSES } from '../cases';
import { effectiveProbability, stageOfDeal } from '../deals';
import { addDays, localDate } from '../tasks';
import {
  CASE_AGES,
  type ActivityWeek,
  type CaseAge,
  type CaseStatusRow,
  type ForecastMonth,
  type OutcomeReason,
  type PipelineCell,
  type ReportData,
  type ReportDeal,
  type ReportFilter,
  type Reports,
  type SalesCycle,
  type WinLoss,
} from './types';

const DAY = 86_400_000;

/** The local calendar date of a moment. */
export const dayOf = (at: number): string => localDate(new Date(at));

const inPeriod = (date: string | null, filter: ReportFilter): boolean =>
  date !== null && date >= filter.from && date <= filter.to;

/** Of the filter's owner (or anyone's) and of a member of its team (or of anyone). */
export const ownerInFilter = (ownerId: string | null, filter: ReportFilter): boolean =>
  (filter.ownerId === null || ownerId === filter.ownerId) &&
  (!filter.team || (ownerId !== null && filter.team.memberIds.includes(ownerId)));

/** Deals of the filter's owner and currency. */
const dealsFor = (data: ReportData, filter: ReportFilter): ReportDeal[] =>
  data.deals.filter((d) => d.data.currency === filter.currency && ownerInFilter(d.data.ownerId, filter));

/** Open deals expected to close in the period: the pipeline and the forecast are made of these. */
const openInPeriod = (data: ReportData, filter: ReportFilter): ReportDeal[] =>
  dealsFor(data, filter).filter(
    (d) => d.data.outcome === 'open' && inPeriod(d.data.expectedCloseDate, filter),
  );

const closedInPeriod = (data: ReportData, filter: ReportFilter): ReportDeal[] =>
  dealsFor(data, filter).filter(
    (d) => d.data.outcome !== 'open' && d.data.closedAt !== null && inPeriod(dayOf(d.data.closedAt), filter),
  );

const byKey = <T>(map: Map<string, T>, key: string, start: () => T): T => {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = start()));
  return value;
};

/** Open deals by stage (in pipeline order) and owner: how many and what they are worth. */
export const pipelineByStageAndOwner = (data: ReportData, filter: ReportFilter): PipelineCell[] => {
  const cells = new Map<string, { stageId: string; ownerId: string; count: number; value: number }>();
  for (const deal of openInPeriod(data, filter)) {
    const stageId = stageOfDeal(data.pipeline, deal.data).id;
    const cell = byKey(cells, `${stageId}\u0000${deal.data.ownerId}`, () => ({
      stageId,
      ownerId: deal.data.ownerId,
      count: 0,
      value: 0,
    }));
    cell.count += 1;
    cell.value += deal.data.value;
  }
  const order = new Map(data.pipeline.stages.map((s, i) => [s.id, i]));
  return [...cells.values()].sort(
    (a, b) =>
      (order.get(a.stageId) ?? 0) - (order.get(b.stageId) ?? 0) ||
      (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0),
  );
};

/** Open deals by expected close month: their value and their value weighted by probability. */
export const forecastByMonth = (data: ReportData, filter: ReportFilter): ForecastMonth[] => {
  const months = new Map<string, { count: number; value: number; weighted: number }>();
  for (const deal of openInPeriod(data, filter)) {
    const month = byKey(months, deal.data.expectedCloseDate!.slice(0, 7), () => ({
      count: 0,
      value: 0,
      weighted: 0,
    }));
    month.count += 1;
    month.value += deal.data.value;
    month.weighted += (deal.data.value * effectiveProbability(data.pipeline, deal.data)) / 100;
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, m]) => ({ month, count: m.count, value: m.value, weighted: Math.round(m.weighted) }));
};

/** Deals won and lost in the period, with the reasons given, and the win rate by count. */
export const winLoss = (data: ReportData, filter: ReportFilter): WinLoss => {
  const closed = closedInPeriod(data, filter);
  const reasons = new Map<string, OutcomeReason & { count: number; value: number }>();
  for (const deal of closed) {
    const outcome = deal.data.outcome as 'won' | 'lost';
    const reason = deal.data.reason.trim();
    const row = byKey(reasons, `${outcome}\u0000${reason.toLocaleLowerCase()}`, () => ({
      outcome,
      reason,
      count: 0,
      value: 0,
    }));
    row.count += 1;
    row.value += deal.data.value;
  }
  const sum = (outcome: 'won' | 'lost') =>
    closed.filter((d) => d.data.outcome === outcome).reduce((n, d) => n + d.data.value, 0);
  const won = closed.filter((d) => d.data.outcome === 'won').length;
  const lost = closed.length - won;
  return {
    won,
    lost,
    wonValue: sum('won'),
    lostValue: sum('lost'),
    winRate: closed.length ? won / closed.length : null,
    reasons: [...reasons.values()].sort(
      (a, b) =>
        (a.outcome === b.outcome ? 0 : a.outcome === 'won' ? -1 : 1) ||
        b.count - a.count ||
        a.reason.localeCompare(b.reason),
    ),
  };
};

/** Mean days from a deal's creation to its winning, over deals won in the period. */
export const salesCycle = (data: ReportData, filter: ReportFilter): SalesCycle => {
  const won = closedInPeriod(data, filter).filter((d) => d.data.outcome === 'won');
  if (!won.length) return { deals: 0, averageDays: null };
  const days = won.reduce((n, d) => n + (d.data.closedAt! - d.data.createdAt) / DAY, 0) / won.length;
  return { deals: won.length, averageDays: Math.round(days * 10) / 10 };
};

/** The Monday of a local date's week. */
export const weekOf = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(y, m - 1, d).getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
};

/** Activities logged in the period, per person who logged them and per week. */
export const activitiesPerWeek = (data: ReportData, filter: ReportFilter): ActivityWeek[] => {
  const weeks = new Map<string, ActivityWeek & { count: number }>();
  for (const activity of data.activities) {
    const day = dayOf(activity.data.occurredAt);
    if (!inPeriod(day, filter) || !ownerInFilter(activity.data.createdBy, filter)) continue;
    const week = weekOf(day);
    const userId = activity.data.createdBy;
    byKey(weeks, `${week}\u0000${userId}`, () => ({ week, userId, count: 0 })).count += 1;
  }
  return [...weeks.values()].sort((a, b) =>
    a.week !== b.week ? (a.week < b.week ? -1 : 1) : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0,
  );
};

const ageOf = (days: number): CaseAge =>
  days <= 7 ? '0-7' : days <= 30 ? '8-30' : days <= 90 ? '31-90' : '90+';

/** Cases opened in the period by status, each status split by age in days. */
export const casesByStatusAndAge = (data: ReportData, filter: ReportFilter, now: number): CaseStatusRow[] => {
  const rows = new Map(
    CASE_STATUSES.map((status) => [
      status,
      { status, count: 0, ages: Object.fromEntries(CASE_AGES.map((a) => [a, 0])) as Record<CaseAge, number> },
    ]),
  );
  for (const c of data.cases) {
    if (!inPeriod(dayOf(c.data.createdAt), filter) || !ownerInFilter(c.data.assigneeId, filter)) continue;
    const row = rows.get(c.data.status)!;
    const end = c.data.resolvedAt ?? now;
    row.count += 1;
    row.ages[ageOf(Math.floor(Math.max(0, end - c.data.createdAt) / DAY))] += 1;
  }
  return [...rows.values()];
};

export const computeReports = (data: ReportData, filter: ReportFilter, now: number): Reports => ({
  filter,
  pipeline: pipelineByStageAndOwner(data, filter),
  forecast: forecastByMonth(data, filter),
  winLoss: winLoss(data, filter),
  cycle: salesCycle(data, filter),
  activities: activitiesPerWeek(data, filter),
  cases: casesByStatusAndAge(data, filter, now),
});

/** The currencies deals are kept in, the most used first: the report's currency is chosen from these. */
export const reportCurrencies = (data: ReportData): string[] => {
  const counts = new Map<string, number>();
  for (const d of data.deals) counts.set(d.data.currency, (counts.get(d.data.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
};

/** Everyone who owns a deal, logged an activity or holds a case or task: the owner filter's choices. */
export const reportOwners = (data: ReportData): string[] => {
  const ids = new Set<string>();
  for (const d of data.deals) ids.add(d.data.ownerId);
  for (const a of data.activities) ids.add(a.data.createdBy);
  for (const c of data.cases) if (c.data.assigneeId) ids.add(c.data.assigneeId);
  for (const t of data.tasks) ids.add(t.data.assigneeId);
  return [...ids].sort();
};
