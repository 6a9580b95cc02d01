// The privacy dashboard: the first screen an admin (also the data-protection officer) sees after starting
// Kluis (issue 7). One tile per duty, each loading on its own and linking to where the admin acts.
import Grid from '@mui/material/Grid';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';
import { GettingStartedGuide } from './GettingStartedGuide';
import { dashboardSources, type DashboardSources } from '../sources';
import { auditTile } from './tiles/audit-tile';
import { breachesTile } from './tiles/breaches-tile';
import { consentExpiryTile } from './tiles/consent-expiry-tile';
import { controllerTile } from './tiles/controller-tile';
import { devicesTile } from './tiles/devices-tile';
import { lawfulBasisTile } from './tiles/lawful-basis-tile';
import { processorsTile } from './tiles/processors-tile';
import { requestsTile } from './tiles/requests-tile';
import { retentionTile } from './tiles/retention-tile';

/** In the order the page shows them. */
const TILES = [
  controllerTile,
  lawfulBasisTile,
  consentExpiryTile,
  requestsTile,
  breachesTile,
  retentionTile,
  processorsTile,
  devicesTile,
  auditTile,
];

const TILE = { xs: 12, md: 6, xl: 3 } as const;

export function DashboardPage({ sources = dashboardSources }: { sources?: DashboardSources }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <GettingStartedGuide />
      <Grid container spacing={2}>
        {TILES.map((tile) => (
          <Grid key={tile.name} size={TILE}>
            {tile.render(sources)}
          </Grid>
        ))}
      </Grid>
    </>
  );
}
