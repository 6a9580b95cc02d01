// Requests from data subjects (Art. 12(3)): how many are open, due within a week, or overdue.
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import AssignmentIndOutlinedIcon from '@mui/icons-material/AssignmentIndOutlined';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../../../kit/routing';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import type { DashboardSources } from '../../sources';
import { BarChart } from '../BarChart';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function RequestsTile({ query }: { query: DashboardSources['requests'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <DashboardTile
      title={t('dashboard.requests.title')}
      icon={<AssignmentIndOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'requests' }}
      action={t('dashboard.requests.action')}
      tone={(v) => (v.overdue > 0 ? 'error' : v.dueSoon > 0 ? 'warning' : 'ok')}
    >
      {(v) => (
        <>
          <TileFigure value={v.open} label={t('dashboard.requests.open', { count: v.open })} />
          <BarChart
            label={t('dashboard.requests.chart')}
            bars={[
              { label: t('dashboard.requests.overdue'), value: v.overdue, tone: 'error' },
              { label: t('dashboard.requests.dueSoon'), value: v.dueSoon, tone: 'warning' },
              { label: t('dashboard.requests.later'), value: v.open - v.overdue - v.dueSoon, tone: 'ok' },
            ]}
          />
          {v.next.length > 0 && (
            <List dense disablePadding sx={{ mt: 1 }} aria-label={t('dashboard.requests.next')}>
              {v.next.map((r) => (
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
          )}
        </>
      )}
    </DashboardTile>
  );
}
