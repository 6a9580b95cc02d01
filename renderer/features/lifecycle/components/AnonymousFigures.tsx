// Proof that anonymisation kept the totals: revenue won per month and activities per month, counted from
// live records plus the anonymous aggregates of subjects that were anonymised.
import Paper from '@mui/material/Paper';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../../shared/activities';
import { minorDigits } from '../../../../shared/deals';
import type { SalesFigures } from '../../../../shared/retention';
import { DataTable } from '../../../ui/DataTable';

const MONTHS_SHOWN = 12;

export function AnonymousFigures({ figures, anonymised }: { figures: SalesFigures; anonymised: number }) {
  const { t, i18n } = useTranslation();
  const months = [
    ...new Set([...Object.keys(figures.revenueByMonth), ...Object.keys(figures.activitiesByMonth)]),
  ]
    .sort()
    .reverse()
    .slice(0, MONTHS_SHOWN);
  const money = (minor: number, currency: string) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(
      minor / 10 ** minorDigits(currency),
    );
  return (
    <Paper
      component="section"
      variant="outlined"
      sx={{ p: 2, mt: 3 }}
      aria-label={t('retention.figures.title')}
    >
      <Typography variant="subtitle1">{t('retention.figures.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('retention.figures.intro', { count: anonymised })}
      </Typography>
      {months.length === 0 ? (
        <Typography variant="body2">{t('retention.figures.empty')}</Typography>
      ) : (
        <DataTable
          size="small"
          columns={[
            t('retention.figures.month'),
            t('retention.figures.revenue'),
            t('retention.figures.activities'),
          ]}
        >
          {months.map((month) => (
            <TableRow key={month}>
              <TableCell>{month}</TableCell>
              <TableCell>
                {Object.entries(figures.revenueByMonth[month] ?? {})
                  .map(([currency, minor]) => money(minor, currency))
                  .join(' · ') || '—'}
              </TableCell>
              <TableCell>
                {Object.entries(figures.activitiesByMonth[month] ?? {})
                  .map(([type, n]) =>
                    t('retention.figures.activityCount', {
                      type: t(`retention.activityTypes.${type as ActivityType}`),
                      count: n,
                    }),
                  )
                  .join(' · ') || '—'}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
