// A banner for the app shell (every admin screen): shown while any open breach's 72-hour clock runs, so
// the deadline of Art. 33(1) cannot be missed. Mount it for admins only: others do not sync the register.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { breachClock, isClockRunning, splitDuration } from '../../../../shared/breach';
import { formatRoute } from '../../../kit/routing';
import { useBreaches } from '../hooks/useBreaches';
import { useNow } from '../hooks/useNow';

export function BreachClockBanner() {
  const { t } = useTranslation();
  const { breaches } = useBreaches();
  const now = useNow();
  const running = breaches
    .filter((b) => b.data.closedAt === null)
    .map((b) => ({ b, clock: breachClock(b.data, now) }))
    .filter(({ clock }) => isClockRunning(clock))
    .sort((x, y) => x.clock.deadlineAt - y.clock.deadlineAt);
  const first = running[0];
  if (!first) return null;
  const { hours, minutes } = splitDuration(first.clock.remainingMs);
  return (
    <Alert
      severity={first.clock.status === 'running' ? 'warning' : 'error'}
      role="status"
      data-testid="breach-clock-banner"
      sx={{ mb: 2 }}
      action={
        <Button color="inherit" size="small" href={formatRoute({ name: 'breach', id: first.b.id })}>
          {t('breach.banner.open')}
        </Button>
      }
    >
      {first.clock.status === 'overdue'
        ? t('breach.banner.overdue', { title: first.b.data.title, hours, minutes })
        : t('breach.banner.running', { title: first.b.data.title, hours, minutes })}
      {running.length > 1 ? ` ${t('breach.banner.more', { count: running.length - 1 })}` : ''}
    </Alert>
  );
}
