// Subjects a retention rule found, waiting for a decision: anonymise, erase or keep with a reason.
import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import { defineTile } from '../DashboardTile';

export const retentionTile = defineTile({
  name: 'retention',
  icon: <AutoDeleteOutlinedIcon />,
  to: { name: 'register', tab: 'retention' },
  source: (s) => s.retention,
  tone: (v) => (v.waiting > 0 ? 'warning' : 'ok'),
  figure: (v, t) => ({ value: v.waiting, label: t('dashboard.retention.waiting', { count: v.waiting }) }),
  note: (v, t, format) =>
    v.lastRunAt === null
      ? t('dashboard.retention.neverRun')
      : t('dashboard.retention.lastRun', { date: format.dateTime(v.lastRunAt) }),
});
