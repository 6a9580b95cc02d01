// Reports narrowed to a team (Settings → Teams) count what the team's members own, worked out by hand from
// the fixture: team North is Anna and Cees (who owns nothing), team South is Bram.
import { describe, expect, it } from 'vitest';
import {
  activitiesPerWeek,
  casesByStatusAndAge,
  forecastByMonth,
  pipelineByStageAndOwner,
  salesCycle,
  winLoss,
} from '../../../../shared/reports';
import { book, noon, Q1 } from './fixture';

const north = { ...Q1, team: { id: 'team-north', memberIds: ['anna', 'cees'] } };
const south = { ...Q1, team: { id: 'team-south', memberIds: ['bram'] } };

describe('reports filtered by team', () => {
  it("forecasts only the team's open deals", () => {
    // North: d1 1,000,000 × 50 % + d2 400,000 × 90 % in February; Bram's d3 in March is left out.
    expect(forecastByMonth(book, north)).toEqual([
      { month: '2026-02', count: 2, value: 1_400_000, weighted: 860_000 },
    ]);
    // South: d3 200,000 × 10 % (lead).
    expect(forecastByMonth(book, south)).toEqual([
      { month: '2026-03', count: 1, value: 200_000, weighted: 20_000 },
    ]);
  });

  it("wins, losses and the cycle of the team's members only", () => {
    // North won d7 (500,000, 50 days) and lost nothing in Q1 (d9 was lost in 2025): a win rate of 1.
    expect(winLoss(book, north)).toMatchObject({ won: 1, lost: 0, wonValue: 500_000, winRate: 1 });
    expect(salesCycle(book, north)).toEqual({ deals: 1, averageDays: 50 });
    // South won d6 (300,000, 30 days) and lost d8 (150,000): one half.
    expect(winLoss(book, south)).toMatchObject({ won: 1, lost: 1, wonValue: 300_000, lostValue: 150_000 });
    expect(winLoss(book, south).winRate).toBe(0.5);
    expect(salesCycle(book, south)).toEqual({ deals: 1, averageDays: 30 });
  });

  it("shows the pipeline, activities and cases of the team's members", () => {
    expect(pipelineByStageAndOwner(book, south)).toEqual([
      { stageId: 'lead', ownerId: 'bram', count: 1, value: 200_000 },
    ]);
    expect(activitiesPerWeek(book, north)).toEqual([
      { week: '2026-02-02', userId: 'anna', count: 3 },
      { week: '2026-02-09', userId: 'anna', count: 1 },
    ]);
    // c1 (open) and c3 (resolved) are Anna's; c2 (waiting) is Bram's; c4 has nobody.
    const counts = (rows: ReturnType<typeof casesByStatusAndAge>) =>
      Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.status, r.count]));
    expect(counts(casesByStatusAndAge(book, north, noon('2026-03-31')))).toEqual({ open: 1, resolved: 1 });
    expect(counts(casesByStatusAndAge(book, south, noon('2026-03-31')))).toEqual({ waiting: 1 });
  });

  it('combines with the owner filter, and a team nobody is in shows nothing', () => {
    expect(forecastByMonth(book, { ...north, ownerId: 'bram' })).toEqual([]);
    expect(forecastByMonth(book, { ...Q1, team: { id: 'team-empty', memberIds: [] } })).toEqual([]);
    expect(forecastByMonth(book, { ...Q1, team: null })).toHaveLength(2);
  });
});
