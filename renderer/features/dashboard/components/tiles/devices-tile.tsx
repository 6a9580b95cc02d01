// Devices that have not synced for 30 days: a laptop in a drawer still holds a copy of the data.
import Typography from '@mui/material/Typography';
import DevicesOtherOutlinedIcon from '@mui/icons-material/DevicesOtherOutlined';
import { useTranslation } from 'react-i18next';
import type { DeviceFreshness } from '../../../../../shared/dashboard';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import { defineServerTile } from '../DashboardTile';

function StaleDevices({ value }: { value: DeviceFreshness }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return value.staleDevices.slice(0, 3).map((d) => (
    <Typography key={d.id} variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
      {t('dashboard.devices.device', { id: d.id.slice(-6) })} ·{' '}
      {d.lastSyncAt === null
        ? t('dashboard.devices.never')
        : t('dashboard.devices.lastSync', { date: format.date(d.lastSyncAt) })}
    </Typography>
  ));
}

export const devicesTile = defineServerTile({
  name: 'devices',
  icon: <DevicesOtherOutlinedIcon />,
  to: { name: 'settings' },
  source: (s) => s.devices,
  tone: (v) => (v.stale > 0 ? 'warning' : 'ok'),
  figure: (v, t) => ({ value: v.stale, label: t('dashboard.devices.stale', { count: v.stale }) }),
  chart: (v, t) => ({
    label: t('dashboard.devices.chart'),
    bars: [
      { label: t('dashboard.devices.recent'), value: v.active - v.stale, tone: 'ok' },
      { label: t('dashboard.devices.silent'), value: v.stale, tone: 'warning' },
    ],
  }),
  Details: StaleDevices,
});
