// Open personal-data breaches and their 72-hour clocks to notify the authority (Art. 33(1)).
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import ReportGmailerrorredOutlinedIcon from '@mui/icons-material/ReportGmailerrorredOutlined';
import { useTranslation } from 'react-i18next';
import type { BreachClock, BreachesSummary } from '../../../../../shared/breach';
import { formatRoute } from '../../../../kit/routing';
import { defineTile } from '../DashboardTile';

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

type Breaches = BreachesSummary & { readonly loadedAt: number };

const Clocks = ({ value }: { value: Breaches }) =>
  value.clocks.slice(0, 3).map((clock) => <Clock key={clock.id} clock={clock} now={value.loadedAt} />);

export const breachesTile = defineTile({
  name: 'breaches',
  icon: <ReportGmailerrorredOutlinedIcon />,
  to: { name: 'breaches' },
  source: (s) => s.breaches,
  tone: (v) =>
    v.clocks.some((c) => c.notifiedAt === null && c.deadlineAt <= v.loadedAt + 24 * HOUR)
      ? 'error'
      : v.open > 0
        ? 'warning'
        : 'ok',
  figure: (v, t) => ({ value: v.open, label: t('dashboard.breaches.open', { count: v.open }) }),
  Details: Clocks,
});
