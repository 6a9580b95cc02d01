// Requests from data subjects (Art. 12(3)): how many are open, due within a week, or overdue.
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { useTranslation } from 'react-i18next';
import type { RequestsSummary } from '../../../../../shared/requests';
import { formatRoute } from '../../../../kit/routing';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import { defineTile } from '../DashboardTile';

function NextDue({ value }: { value: RequestsSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (value.next.length === 0) return null;
  return (
    <List dense disablePadding sx={{ mt: 1 }} aria-label={t('dashboard.requests.next')}>
      {value.next.map((r) => (
        <ListItem key={r.id} disableGutters sx={{ py: 0 }}>
          <Typography variant="body2">
            <Link href={formatRoute({ name: 'request', id: r.id })}>
              {t(`dashboard.rights.${r.right}`, { defaultValue: r.right })}
            </Link>{' '}
            · {t('dashboard.requests.due', { date: format.date(r.dueAt) })}
          </Typography>
        </ListItem>
      ))}
    </List>
  );
}

export const requestsTile = defineTile({
  name: 'requests',
  icon: <AssignmentIndOutlinedIcon />,
  to: { name: 'requests' },
  source: (s) => s.requests,
  tone: (v) => (v.overdue > 0 ? 'error' : v.dueSoon > 0 ? 'warning' : 'ok'),
  figure: (v, t) => ({ value: v.open, label: t('dashboard.requests.open', { count: v.open }) }),
  chart: (v, t) => ({
    label: t('dashboard.requests.chart'),
    bars: [
      { label: t('dashboard.requests.overdue'), value: v.overdue, tone: 'error' },
      { label: t('dashboard.requests.dueSoon'), value: v.dueSoon, tone: 'warning' },
      { label: t('dashboard.requests.later'), value: v.open - v.overdue - v.dueSoon, tone: 'ok' },
    ],
  }),
  Details: NextDue,
});
