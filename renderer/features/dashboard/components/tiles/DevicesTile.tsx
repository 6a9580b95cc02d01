// Devices that have not synced for 30 days: a laptop in a drawer still holds a copy of the data.
import Typography from '@mui/material/Typography';
import DevicesOtherOutlinedIcon from '@mui/icons-material/DevicesOtherOutlined';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import { useDashboardServer } from '../../hooks/useDashboardServer';
import type { DashboardSources } from '../../sources';
import { BarChart } from '../BarChart';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function DevicesTile({ query }: { query: DashboardSources['devices'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const server = useDashboardServer();
  return (
    <DashboardTile
      title={t('dashboard.devices.title')}
      icon={<DevicesOtherOutlinedIcon />}
      query={query}
      input={server}
      to={{ name: 'settings' }}
      action={t('dashboard.devices.action')}
      tone={(v) => (v.stale > 0 ? 'warning' : 'ok')}
    >
      {(v) => (
        <>
          <TileFigure value={v.stale} label={t('dashboard.devices.stale', { count: v.stale })} />
          <BarChart
            label={t('dashboard.devices.chart')}
            bars={[
              { label: t('dashboard.devices.recent'), value: v.active - v.stale, tone: 'ok' },
              { label: t('dashboard.devices.silent'), value: v.stale, tone: 'warning' },
            ]}
          />
          {v.staleDevices.slice(0, 3).map((d) => (
            <Typography key={d.id} variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('dashboard.devices.device', { id: d.id.slice(-6) })} ·{' '}
              {d.lastSyncAt === null
                ? t('dashboard.devices.never')
                : t('dashboard.devices.lastSync', { date: format.date(d.lastSyncAt) })}
            </Typography>
          ))}
        </>
      )}
    </DashboardTile>
  );
}
