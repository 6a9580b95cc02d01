// The charts of the reports, drawn with MUI X Charts (themed by MUI, so they follow dark mode): bars for
// the pipeline, its funnel, the reasons and the cases, lines for the forecast and the activity.
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../../shared/deals';
import {
  CASE_AGES,
  toMajor,
  type ReportId,
  type ReportTexts,
  type Reports,
} from '../../../../shared/reports';

const HEIGHT = 260;

const unique = <T,>(values: readonly T[]): T[] => [...new Set(values)];

export function useReportCharts(
  reports: Reports,
  pipeline: Pipeline,
  texts: ReportTexts,
): Partial<Record<ReportId, ReactNode>> {
  const { t } = useTranslation();
  const money = (minor: number) => toMajor(minor, reports.filter.currency);
  const openStages = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const owners = unique(reports.pipeline.map((c) => c.ownerId));
  const cell = (stageId: string, ownerId: string) =>
    reports.pipeline.find((c) => c.stageId === stageId && c.ownerId === ownerId);
  const people = unique(reports.activities.map((a) => a.userId));
  const weeks = unique(reports.activities.map((a) => a.week));

  return {
    pipeline: (
      <>
        <BarChart
          height={HEIGHT}
          xAxis={[{ scaleType: 'band', data: openStages.map(texts.stage) }]}
          series={owners.map((ownerId) => ({
            label: texts.owner(ownerId),
            stack: 'value',
            data: openStages.map((s) => money(cell(s, ownerId)?.value ?? 0)),
          }))}
        />
        <BarChart
          height={HEIGHT}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: openStages.map(texts.stage) }]}
          series={[
            {
              label: t('reports.funnel'),
              data: openStages.map((s) =>
                reports.pipeline.filter((c) => c.stageId === s).reduce((n, c) => n + c.count, 0),
              ),
            },
          ]}
        />
      </>
    ),
    forecast: (
      <LineChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'point', data: reports.forecast.map((m) => m.month) }]}
        series={[
          { label: texts.column('forecast', 'value'), data: reports.forecast.map((m) => money(m.value)) },
          {
            label: texts.column('forecast', 'weighted'),
            data: reports.forecast.map((m) => money(m.weighted)),
          },
        ]}
      />
    ),
    winLoss: (
      <BarChart
        height={HEIGHT}
        layout="horizontal"
        yAxis={[
          {
            scaleType: 'band',
            data: reports.winLoss.reasons.map(
              (r) => `${texts.outcome(r.outcome)}: ${r.reason || texts.noReason}`,
            ),
            width: 160,
          },
        ]}
        series={[
          { label: texts.column('winLoss', 'count'), data: reports.winLoss.reasons.map((r) => r.count) },
        ]}
      />
    ),
    activities: (
      <LineChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'point', data: weeks }]}
        series={people.map((userId) => ({
          label: texts.owner(userId),
          data: weeks.map(
            (week) => reports.activities.find((a) => a.week === week && a.userId === userId)?.count ?? 0,
          ),
        }))}
      />
    ),
    cases: (
      <BarChart
        height={HEIGHT}
        xAxis={[{ scaleType: 'band', data: reports.cases.map((r) => texts.status(r.status)) }]}
        series={CASE_AGES.map((age) => ({
          label: texts.age(age),
          stack: 'age',
          data: reports.cases.map((r) => r.ages[age]),
        }))}
      />
    ),
  };
}
