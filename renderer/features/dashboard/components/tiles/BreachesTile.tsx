// Open personal-data breaches and their 72-hour clocks to notify the authority (Art. 33(1)).
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import ReportGmailerrorredOutlinedIcon from '@mui/icons-material/ReportGmailerrorredOutlined';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../../../kit/routing';
import type { DashboardSources } from '../../sources';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';
import type { BreachClock } from '../../../../../shared/breach';

const HOUR = 3_600_000;

function Clock({ clock, now }: { clock: BreachClock; now: number }) {
  const { t } = useTranslation();
  const spent = Math.min(1, Math.max(0, (now - clock.awareAt) / (clock.deadlineAt - clock.awareAt)));
  const hoursLeft = Math.floor((clock.deadlineAt - now) / HOUR);
  const text =
    clock.notifiedAt !== null
      ? t('dashboard.breaches.notified')
      : hoursLeft >= 0
        ? t('dashboard.breaches.left', { count: hoursLeft })
        : t('dashboard.breaches.late', { count: -hoursLeft });
  return (
    <Box sx={{ mt: 1 }}>
      <Typography variant="body2" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <Link href={formatRoute({ name: 'breach', id: clock.id })} noWrap>
          {clock.title}
        </Link>
        <span>{text}</span>
      </Typography>
      <LinearProgress
        variant="determinate"
        value={clock.notifiedAt !== null ? 100 : spent * 100}
        color={clock.notifiedAt !== null ? 'success' : hoursLeft < 24 ? 'error' : 'warning'}
        aria-label={`${clock.title}: ${text}`}
      />
    </Box>
  );
}

export function BreachesTile({ query }: { query: DashboardSources['breaches'] }) {
  const { t } = useTranslation();
  return (
    <DashboardTile
      title={t('dashboard.breaches.title')}
      icon={<ReportGmailerrorredOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'breaches' }}
      action={t('dashboard.breaches.action')}
      tone={(v) =>
        v.clocks.some((c) => c.notifiedAt === null && c.deadlineAt <= v.loadedAt + 24 * HOUR)
          ? 'error'
          : v.open > 0
            ? 'warning'
            : 'ok'
      }
    >
      {(v) => (
        <>
          <TileFigure value={v.open} label={t('dashboard.breaches.open', { count: v.open })} />
          {v.clocks.slice(0, 3).map((clock) => (
            <Clock key={clock.id} clock={clock} now={v.loadedAt} />
          ))}
        </>
      )}
    </DashboardTile>
  );
}
