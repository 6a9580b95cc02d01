// Consents that run out soon: ask again (re-permission) before the people drop out of campaigns.
import Typography from '@mui/material/Typography';
import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import { useTranslation } from 'react-i18next';
import { EXPIRY_WINDOWS } from '../../../../../shared/dashboard';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import type { DashboardSources } from '../../sources';
import { BarChart } from '../BarChart';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function ConsentExpiryTile({ query }: { query: DashboardSources['consentExpiry'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <DashboardTile
      title={t('dashboard.consents.title')}
      icon={<EventBusyOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'privacy', tab: 'repermission' }}
      action={t('dashboard.consents.action')}
      tone={(v) => (v.within[30] > 0 ? 'warning' : 'ok')}
    >
      {(v) => (
        <>
          <TileFigure
            value={v.within[30]}
            label={t('dashboard.consents.within30', { count: v.within[30] })}
          />
          <BarChart
            label={t('dashboard.consents.chart')}
            bars={EXPIRY_WINDOWS.map((days) => ({
              label: t('dashboard.consents.days', { count: days }),
              value: v.within[days],
              tone: days === 30 ? 'warning' : 'ok',
            }))}
          />
          {v.soonestAt !== null && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('dashboard.consents.soonest', { date: format.date(v.soonestAt) })}
            </Typography>
          )}
        </>
      )}
    </DashboardTile>
  );
}
