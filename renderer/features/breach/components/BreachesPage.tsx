// The breach register (Art. 33(5)): every incident, notified or not, open ones first with their 72-hour
// clock; from here the admin reports an incident or runs the lost-device drill.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import ShieldIcon from '@mui/icons-material/ShieldOutlined';
import LaptopIcon from '@mui/icons-material/LaptopOutlined';
import { useTranslation } from 'react-i18next';
import { breachClock, formatInstant, hostTimeZone, isClockRunning } from '../../../../shared/breach';
import { formatRoute } from '../../../kit/routing';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { useBreaches, type BreachRecord } from '../hooks/useBreaches';
import { useNow } from '../hooks/useNow';
import { BreachClockChip } from './BreachClockChip';
import { DRILL_ID, NEW_BREACH_ID } from '../breach-routes';
import { DataTable } from '../../../ui/DataTable';
import { RouteButton } from '../../../kit/RouteButton';

export function BreachesPage() {
  const { t, i18n } = useTranslation();
  const { breaches, loaded } = useBreaches();
  const now = useNow();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const zone = hostTimeZone();
  const rank = (b: BreachRecord) =>
    b.data.closedAt !== null ? 2 : isClockRunning(breachClock(b.data, now)) ? 0 : 1;
  const rows = [...breaches].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0 ? a.data.awareAt - b.data.awareAt : b.data.awareAt - a.data.awareAt),
  );
  return (
    <Box>
      <PageHeader
        title={t('breach.title')}
        subtitle={t('breach.subtitle')}
        actions={
          <>
            <RouteButton variant="outlined" icon={<LaptopIcon />} to={{ name: 'breach', id: DRILL_ID }}>
              {t('breach.drill.start')}
            </RouteButton>
            <RouteButton variant="contained" to={{ name: 'breach', id: NEW_BREACH_ID }}>
              {t('breach.report')}
            </RouteButton>
          </>
        }
      />
      {!loaded && <CircularProgress aria-label={t('breach.loading')} />}
      {loaded && rows.length === 0 && (
        <EmptyState
          icon={<ShieldIcon />}
          title={t('breach.empty.title')}
          description={t('breach.empty.text')}
        />
      )}
      {rows.length > 0 && (
        <DataTable
          label={t('breach.title')}
          size="small"
          frame="outlined"
          columns={[
            t('breach.list.incident'),
            t('breach.list.source'),
            t('breach.list.awareAt'),
            t('breach.list.people'),
            t('breach.list.clock'),
            t('breach.list.status'),
          ]}
        >
          {rows.map((b) => (
            <TableRow key={b.id} hover>
              <TableCell>
                <Link href={formatRoute({ name: 'breach', id: b.id })}>{b.data.title}</Link>
              </TableCell>
              <TableCell>{t(`breach.source.${b.data.source}`)}</TableCell>
              <TableCell>{formatInstant(b.data.awareAt, language, zone)}</TableCell>
              <TableCell>
                {b.data.people.min === b.data.people.max
                  ? b.data.people.max
                  : `${b.data.people.min}–${b.data.people.max}`}
              </TableCell>
              <TableCell>
                <BreachClockChip breach={b.data} now={now} />
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  label={t(b.data.closedAt === null ? 'breach.list.open' : 'breach.list.closed')}
                />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </Box>
  );
}
