// The managers' report figures against a book worked out by hand (test/unit/shared/reports/fixture.ts).
import { describe, expect, it } from 'vitest';
import {
  activitiesPerWeek,
  casesByStatusAndAge,
  computeReports,
  forecastByMonth,
  managerHome,
  pipelineByStageAndOwner,
  quarterOf,
  reportTables,
  salesCycle,
  weekOf,
  winLoss,
  type ReportTexts,
} from '../../../../shared/reports';
import { book, noon, Q1 } from './fixture';

describe('forecast', () => {
  it('weights each open deal closing in the period by its probability, per close month', () => {
    // February: d1 1,000,000 × 50 % (proposal) + d2 400,000 × 90 % (its own) = 500,000 + 360,000.
    // March: d3 200,000 × 10 % (lead). d4 closes in May, d5 is in dollars: both left out.
    expect(forecastByMonth(book, Q1)).toEqual([
      { month: '2026-02', count: 2, value: 1_400_000, weighted: 860_000 },
      { month: '2026-03', count: 1, value: 200_000, weighted: 20_000 },
    ]);
  });

  it("keeps to one owner's deals when filtered by owner", () => {
    expect(forecastByMonth(book, { ...Q1, ownerId: 'bram' })).toEqual([
      { month: '2026-03', count: 1, value: 200_000, weighted: 20_000 },
    ]);
  });
});

describe('win rate and sales cycle', () => {
  it('counts deals closed in the period: two won and one lost is a win rate of two thirds', () => {
    const result = winLoss(book, Q1);
    expect(result).toMatchObject({ won: 2, lost: 1, wonValue: 800_000, lostValue: 150_000 });
    expect(result.winRate).toBeCloseTo(2 / 3, 10);
    // d9 was lost in December 2025: outside the period.
    expect(result.reasons).toEqual([
      { outcome: 'won', reason: 'Price', count: 1, value: 300_000 },
      { outcome: 'won', reason: 'Relationship', count: 1, value: 500_000 },
      { outcome: 'lost', reason: 'price', count: 1, value: 150_000 },
    ]);
  });

  it('averages the days from creation to winning: 30 (d6) and 50 (d7) make 40', () => {
    expect(salesCycle(book, Q1)).toEqual({ deals: 2, averageDays: 40 });
    expect(salesCycle(book, { ...Q1, ownerId: 'anna' })).toEqual({ deals: 1, averageDays: 50 });
  });

  it('has no win rate or cycle when nothing closed', () => {
    const empty = { ...Q1, from: '2027-01-01', to: '2027-03-31' };
    expect(winLoss(book, empty).winRate).toBeNull();
    expect(salesCycle(book, empty)).toEqual({ deals: 0, averageDays: null });
  });
});

describe('pipeline, activities and cases', () => {
  it('sums open deals by stage in pipeline order, then owner', () => {
    expect(pipelineByStageAndOwner(book, Q1)).toEqual([
      { stageId: 'lead', ownerId: 'bram', count: 1, value: 200_000 },
      { stageId: 'proposal', ownerId: 'anna', count: 1, value: 1_000_000 },
      { stageId: 'negotiation', ownerId: 'anna', count: 1, value: 400_000 },
    ]);
  });

  it('counts activities per person per week, weeks starting on Monday', () => {
    expect(weekOf('2026-02-08')).toBe('2026-02-02'); // a Sunday
    expect(weekOf('2026-02-09')).toBe('2026-02-09'); // a Monday
    expect(activitiesPerWeek(book, Q1)).toEqual([
      { week: '2026-01-05', userId: 'bram', count: 1 },
      { week: '2026-02-02', userId: 'anna', count: 3 },
      { week: '2026-02-02', userId: 'bram', count: 1 },
      { week: '2026-02-09', userId: 'anna', count: 1 },
    ]);
  });

  it('splits cases opened in the period by status and by age in days', () => {
    const rows = casesByStatusAndAge(book, Q1, noon('2026-03-31'));
    const row = (status: string) => rows.find((r) => r.status === status)!;
    // c1 open 3 days; c2 waiting 44 days; c3 resolved after 10 days; c4 opened in 2025.
    expect(row('open')).toEqual({
      status: 'open',
      count: 1,
      ages: { '0-7': 1, '8-30': 0, '31-90': 0, '90+': 0 },
    });
    expect(row('waiting').ages['31-90']).toBe(1);
    expect(row('resolved').ages['8-30']).toBe(1);
    expect(row('new').count).toBe(0);
  });
});

describe("the manager's home", () => {
  const home = managerHome(book, 'EUR', noon('2026-02-15'));

  it('sums the pipeline closing this quarter, weighted', () => {
    expect(quarterOf('2026-02-15')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-11-30')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(home.quarter).toMatchObject({ count: 3, value: 1_600_000, weighted: 880_000 });
  });

  it('lists open deals closing this month, earliest first', () => {
    expect(home.closingThisMonth.map((d) => d.id)).toEqual(['d5', 'd1', 'd2']);
  });

  it('counts overdue open tasks per person', () => {
    expect(home.overdue).toEqual([{ userId: 'anna', count: 2, oldest: '2026-02-01' }]);
  });

  it('finds open deals with no activity on their subject for 30 days', () => {
    // d2: no activity, created 1 January (45 days); d3: last activity 10 January (36 days).
    expect(home.stale.map((d) => [d.id, d.days])).toEqual([
      ['d2', 45],
      ['d3', 36],
    ]);
  });
});

describe('report tables', () => {
  it('gives money in whole units and the win rate in percent, as the screen and the workbook show them', () => {
    const texts: ReportTexts = {
      title: (id) => id,
      column: (_id, c) => c,
      owner: (u) => u.toUpperCase(),
      stage: (s) => s,
      outcome: (o) => o,
      status: (s) => s,
      age: (a) => a,
      noReason: '-',
    };
    const tables = reportTables(computeReports(book, Q1, noon('2026-03-31')), texts);
    const byId = (id: string) => tables.find((t) => t.id === id)!;
    expect(byId('forecast').rows).toEqual([
      ['2026-02', 2, 14_000, 8_600],
      ['2026-03', 1, 2_000, 200],
    ]);
    expect(byId('cycle').rows).toEqual([[2, 1, 66.7, 40]]);
    expect(byId('pipeline').rows[0]).toEqual(['lead', 'BRAM', 1, 2_000]);
  });
});
