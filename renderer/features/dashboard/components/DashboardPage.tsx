// The privacy dashboard: the first screen an admin (also the data-protection officer) sees after starting
// Kluis (issue 7). One tile per duty, each loading on its own and linking to where the admin acts.
import Grid from '@mui/material/Grid';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { dashboardSources, type DashboardSources } from '../sources';
import { AuditTile } from './tiles/AuditTile';
import { BreachesTile } from './tiles/BreachesTile';
import { ConsentExpiryTile } from './tiles/ConsentExpiryTile';
import { DevicesTile } from './tiles/DevicesTile';
import { LawfulBasisTile } from './tiles/LawfulBasisTile';
import { ProcessorsTile } from './tiles/ProcessorsTile';
import { RequestsTile } from './tiles/RequestsTile';
import { RetentionTile } from './tiles/RetentionTile';

const TILE = { xs: 12, md: 6, xl: 3 } as const;

export function DashboardPage({ sources = dashboardSources }: { sources?: DashboardSources }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <Grid container spacing={2}>
        <Grid size={TILE}>
          <LawfulBasisTile query={sources.lawfulBasis} />
        </Grid>
        <Grid size={TILE}>
          <ConsentExpiryTile query={sources.consentExpiry} />
        </Grid>
        <Grid size={TILE}>
          <RequestsTile query={sources.requests} />
        </Grid>
        <Grid size={TILE}>
          <BreachesTile query={sources.breaches} />
        </Grid>
        <Grid size={TILE}>
          <RetentionTile query={sources.retention} />
        </Grid>
        <Grid size={TILE}>
          <ProcessorsTile query={sources.processors} />
        </Grid>
        <Grid size={TILE}>
          <DevicesTile query={sources.devices} />
        </Grid>
        <Grid size={TILE}>
          <AuditTile query={sources.audit} />
        </Grid>
      </Grid>
    </>
  );
}
