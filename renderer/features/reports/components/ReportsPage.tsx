// Reports for managers (issue 19): pipeline, forecast, won and lost, sales cycle, activity and cases,
// computed on this device from the data it decrypted, filtered by period, owner and team, each drawn and
// tabled, and saved as XLSX or printable HTML in English or Dutch (audited by the core's reports.export).
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import InsightsOutlinedIcon from '@mui/icons-material/InsightsOutlined';
import { useTranslation } from 'react-i18next';
import {
  computeReports,
  exportReports,
  reportCurrencies,
  reportOwners,
  reportTables,
  type ReportFormat,
} from '../../../../shared/reports';
import { ExportBar, useDocumentLanguage } from '../../../kit/ExportBar';
import { notify } from '../../../kit/notification-store';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useNow } from '../../../kit/useNow';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { usePipeline } from '../../deals/hooks/usePipeline';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import { usePeriod } from '../hooks/usePeriod';
import { useReportCharts } from '../hooks/useReportCharts';
import { useReportData } from '../hooks/useReportData';
import { useReportTexts } from '../hooks/useReportTexts';
import { useTeams } from '../../teams/hooks/useTeams';
import { ALL, ReportFilters } from './ReportFilters';
import { ReportSection } from './ReportSection';
import type { ReportData } from '../../../../shared/reports';
import type { Pipeline } from '../../../../shared/deals';

/** Reports show every salesperson side by side: managers' and admins' (an unlinked vault's owner is admin). */
export const mayReport = (role: string): boolean => role === 'admin' || role === 'manager';

export function ReportsPage() {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const data = useReportData();
  const { pipeline } = usePipeline();
  if (!mayReport(role))
    return (
      <>
        <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
        <EmptyState icon={<InsightsOutlinedIcon />} title={t('reports.notAllowed')} />
      </>
    );
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      {data && pipeline ? (
        <Reports data={data} pipeline={pipeline} />
      ) : (
        <LinearProgress aria-label={t('reports.loading')} />
      )}
    </>
  );
}

function Reports({ data, pipeline }: { data: ReportData; pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const period = usePeriod();
  const now = useNow(60_000);
  const [owner, setOwner] = useState(ALL);
  const currencies = useMemo(() => reportCurrencies(data), [data]);
  const owners = useMemo(() => reportOwners(data), [data]);
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const currency = chosenCurrency ?? currencies[0] ?? 'EUR';
  const teams = useTeams();
  const [teamId, setTeam] = useState(ALL);
  const team = teams.find((x) => x.id === teamId) ?? null;
  const filter = useMemo(
    () => ({
      ...period.range,
      ownerId: owner === ALL ? null : owner,
      team: team && { id: team.id, memberIds: team.memberIds },
      currency,
    }),
    [period.range, owner, team, currency],
  );
  const reports = useMemo(
    () => computeReports({ ...data, pipeline }, filter, now),
    [data, pipeline, filter, now],
  );
  const textsIn = useReportTexts(pipeline);
  const texts = useMemo(() => textsIn(i18n.language), [textsIn, i18n.language]);
  const tables = useMemo(() => reportTables(reports, texts), [reports, texts]);
  const charts = useReportCharts(reports, pipeline, texts);
  const label = useOwnerLabel();
  const deliver = useDeliver(t('reports.export.title'));
  const [language, setLanguage] = useDocumentLanguage();

  const save = async (format: ReportFormat) => {
    const fixed = i18n.getFixedT(language);
    const docTexts = textsIn(language);
    const scope = fixed('reports.scope', {
      from: filter.from,
      to: filter.to,
      owner: filter.ownerId === null ? fixed('reports.owner.all') : docTexts.owner(filter.ownerId),
      team: team ? fixed('reports.owner.filterTeam', { name: team.name }) : fixed('reports.owner.allTeams'),
      currency,
    });
    try {
      const { savedAs } = await exportReports(workspace, actor, {
        filter,
        format,
        texts: docTexts,
        language,
        title: fixed('reports.title'),
        scope,
        scopeSheet: fixed('reports.teams.sheet'),
        fileName: `${fixed('reports.export.fileName')}-${filter.from}-${filter.to}`,
        deliver,
      });
      notify(t('reports.export.saved', { name: savedAs }));
    } catch (error) {
      if (!cancelled(error)) notify(t('reports.export.failed'), 'error');
    }
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Card sx={{ p: 2.5, display: 'grid', gap: 2 }}>
        <ReportFilters
          preset={period.preset}
          onPreset={period.choose}
          range={period.range}
          onRange={period.setCustom}
          owners={owners}
          owner={owner}
          onOwner={setOwner}
          teams={teams}
          team={team ? team.id : ALL}
          onTeam={setTeam}
          currencies={currencies}
          currency={currency}
          onCurrency={setCurrency}
        />
        <Typography variant="body2" role="status">
          {t('reports.scope', {
            from: filter.from,
            to: filter.to,
            owner: filter.ownerId === null ? t('reports.owner.all') : label(filter.ownerId),
            team: team ? t('reports.owner.filterTeam', { name: team.name }) : t('reports.owner.allTeams'),
            currency,
          })}
        </Typography>
        <Box component="section" aria-label={t('reports.export.title')}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('reports.export.help')}
          </Typography>
          <ExportBar
            languageLabel={t('reports.export.language')}
            language={language}
            onLanguage={setLanguage}
            actions={[
              { label: t('reports.export.xlsx'), run: () => save('xlsx'), primary: true },
              { label: t('reports.export.html'), run: () => save('html') },
            ]}
          />
        </Box>
      </Card>
      {tables.map((table) => (
        <ReportSection key={table.id} table={table} chart={charts[table.id]} />
      ))}
    </Box>
  );
}
