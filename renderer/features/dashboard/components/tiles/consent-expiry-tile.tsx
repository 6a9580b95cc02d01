// Consents that run out soon: ask again (re-permission) before the people drop out of campaigns.
import EventBusyOutlinedIcon from '@mui/icons-material/EventBusyOutlined';
import { EXPIRY_WINDOWS } from '../../../../../shared/dashboard';
import { defineTile } from '../DashboardTile';

export const consentExpiryTile = defineTile({
  name: 'consents',
  icon: <EventBusyOutlinedIcon />,
  to: { name: 'privacy', tab: 'repermission' },
  source: (s) => s.consentExpiry,
  tone: (v) => (v.within[30] > 0 ? 'warning' : 'ok'),
  figure: (v, t) => ({
    value: v.within[30],
    label: t('dashboard.consents.within30', { count: v.within[30] }),
  }),
  chart: (v, t) => ({
    label: t('dashboard.consents.chart'),
    bars: EXPIRY_WINDOWS.map((days) => ({
      label: t('dashboard.consents.days', { count: days }),
      value: v.within[days],
      tone: days === 30 ? 'warning' : 'ok',
    })),
  }),
  note: (v, t, format) =>
    v.soonestAt === null ? null : t('dashboard.consents.soonest', { date: format.date(v.soonestAt) }),
});
