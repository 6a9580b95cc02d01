// The manager's home (issue 19), beside the admin's privacy dashboard: the pipeline closing this quarter,
// the deals due to close this month, overdue tasks per person and deals with no activity for 30 days.
import { useMemo, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import { findStage } from '../../../../shared/deals';
import {
  dayOf,
  managerHome,
  reportCurrencies,
  STALE_DAYS,
  toMajor,
  type DealLine,
} from '../../../../shared/reports';
import { RouteButton } from '../../../kit/RouteButton';
import { useFormat } from '../../../kit/useFormat';
import { formatRoute } from '../../../kit/routing';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useNow } from '../../../kit/useNow';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { formatMoney } from '../../deals/format';
import { usePipeline } from '../../deals/hooks/usePipeline';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import { useReportData } from '../hooks/useReportData';
import { mayReport } from './ReportsPage';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      component="section"
      aria-label={title}
      sx={{ p: 2.5, height: '100%', display: 'grid', gap: 1.5, alignContent: 'start' }}
    >
      <Typography variant="h2">{title}</Typography>
      {children}
    </Card>
  );
}

function Lines({ head, rows }: { head: readonly string[]; rows: readonly (readonly ReactNode[])[] }) {
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          {head.map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, r) => (
          <TableRow key={r}>
            {row.map((cell, c) => (
              <TableCell key={c}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ManagerHomePage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { role } = useCurrentUser();
  const data = useReportData();
  // Minutes are enough: 'this month' and 'stale for 30 days' move by the day.
  const now = useNow(60_000);
  const { pipeline } = usePipeline();
  const owner = useOwnerLabel();
  const home = useMemo(
    () =>
      data && pipeline ? managerHome({ ...data, pipeline }, reportCurrencies(data)[0] ?? 'EUR', now) : null,
    [data, pipeline, now],
  );
  const header = (
    <PageHeader
      title={t('reports.manager.title')}
      subtitle={t('reports.manager.subtitle')}
      actions={
        mayReport(role) && (
          <RouteButton variant="outlined" icon={<InsightsOutlinedIcon />} to={{ name: 'reports' }}>
            {t('reports.manager.openReports')}
          </RouteButton>
        )
      }
    />
  );
  if (!mayReport(role))
    return (
      <>
        {header}
        <EmptyState icon={<InsightsOutlinedIcon />} title={t('reports.notAllowed')} />
      </>
    );
  if (!home || !pipeline)
    return (
      <>
        {header}
        <LinearProgress aria-label={t('reports.loading')} />
      </>
    );
  const money = (minor: number) => formatMoney(minor, home.currency, i18n.language);
  const stage = (id: string) => findStage(pipeline, id)?.name ?? id;
  const openStages = pipeline.stages.filter((s) => s.kind === 'open');
  const perStage = openStages.map((s) =>
    home.quarter.cells.filter((c) => c.stageId === s.id).reduce((n, c) => n + c.value, 0),
  );
  const dealLink = (d: DealLine) => (
    <Link href={formatRoute({ name: 'deal', id: d.id })} underline="hover">
      {d.title}
    </Link>
  );
  const summary = t('reports.manager.quarterSummary', {
    count: home.quarter.count,
    value: money(home.quarter.value),
    weighted: money(home.quarter.weighted),
  });
  return (
    <>
      {header}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel
            title={t('reports.manager.quarter', {
              from: format.date(home.quarter.from),
              to: format.date(home.quarter.to),
            })}
          >
            <Typography role="status">{summary}</Typography>
            <Box
              role="img"
              aria-label={`${summary}. ${openStages.map((s, i) => `${s.name} ${money(perStage[i]!)}`).join(', ')}`}
            >
              {/* inert: the chart's own focusable marks would sit, nameless, inside a hidden box (axe). */}
              <Box aria-hidden inert>
                <BarChart
                  height={220}
                  xAxis={[{ scaleType: 'band', data: openStages.map((s) => s.name) }]}
                  series={[{ label: home.currency, data: perStage.map((v) => toMajor(v, home.currency)) }]}
                />
              </Box>
            </Box>
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={t('reports.manager.closing')}>
            {home.closingThisMonth.length ? (
              <Lines
                head={[
                  t('reports.manager.deal'),
                  t('reports.columns.owner'),
                  t('reports.columns.stage'),
                  t('reports.manager.closeDate'),
                  t('reports.columns.value'),
                ]}
                rows={home.closingThisMonth.map((d) => [
                  dealLink(d),
                  owner(d.ownerId),
                  stage(d.stageId),
                  d.expectedCloseDate,
                  money(d.value),
                ])}
              />
            ) : (
              <Typography color="text.secondary">{t('reports.manager.closingEmpty')}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={t('reports.manager.overdue')}>
            {home.overdue.length ? (
              <Lines
                head={[t('reports.columns.person'), t('reports.manager.tasks'), t('reports.manager.oldest')]}
                rows={home.overdue.map((o) => [owner(o.userId), o.count, o.oldest])}
              />
            ) : (
              <Typography color="text.secondary">{t('reports.manager.overdueEmpty')}</Typography>
            )}
          </Panel>
        </Grid>
        <Grid size={{ xs: 12, lg: 6 }}>
          <Panel title={t('reports.manager.stale', { days: STALE_DAYS })}>
            {home.stale.length ? (
              <Lines
                head={[
                  t('reports.manager.deal'),
                  t('reports.columns.owner'),
                  t('reports.manager.lastActivity'),
                  t('reports.manager.days'),
                ]}
                rows={home.stale.map((d) => [dealLink(d), owner(d.ownerId), dayOf(d.lastActivity), d.days])}
              />
            ) : (
              <Typography color="text.secondary">
                {t('reports.manager.staleEmpty', { days: STALE_DAYS })}
              </Typography>
            )}
          </Panel>
        </Grid>
      </Grid>
    </>
  );
}
