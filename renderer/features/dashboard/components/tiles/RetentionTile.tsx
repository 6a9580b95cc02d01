// Subjects a retention rule found, waiting for a decision: anonymise, erase or keep with a reason.
import Typography from '@mui/material/Typography';
import AutoDeleteOutlinedIcon from '@mui/icons-material/AutoDeleteOutlined';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../consent/hooks/useLocalized';
import type { DashboardSources } from '../../sources';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function RetentionTile({ query }: { query: DashboardSources['retention'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <DashboardTile
      title={t('dashboard.retention.title')}
      icon={<AutoDeleteOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'register', tab: 'retention' }}
      action={t('dashboard.retention.action')}
      tone={(v) => (v.waiting > 0 ? 'warning' : 'ok')}
    >
      {(v) => (
        <>
          <TileFigure value={v.waiting} label={t('dashboard.retention.waiting', { count: v.waiting })} />
          <Typography variant="body2" color="text.secondary">
            {v.lastRunAt === null
              ? t('dashboard.retention.neverRun')
              : t('dashboard.retention.lastRun', { date: format.dateTime(v.lastRunAt) })}
          </Typography>
        </>
      )}
    </DashboardTile>
  );
}
