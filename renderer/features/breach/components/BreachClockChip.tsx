// The 72-hour clock of one breach as a chip: time left, overdue, or how it ended.
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import { breachClock, splitDuration, type ClockFacts } from '../../../../shared/breach';

const COLOURS = {
  running: 'info',
  due_soon: 'warning',
  overdue: 'error',
  notified_in_time: 'success',
  notified_late: 'warning',
  not_required: 'default',
  closed: 'default',
} as const;

export function BreachClockChip({ breach, now }: { readonly breach: ClockFacts; readonly now: number }) {
  const { t } = useTranslation();
  const clock = breachClock(breach, now);
  const { hours, minutes } = splitDuration(clock.remainingMs);
  const label =
    clock.status === 'running' || clock.status === 'due_soon'
      ? t('breach.clock.left', { hours, minutes })
      : clock.status === 'overdue'
        ? t('breach.clock.overdue', { hours, minutes })
        : t(`breach.clock.status.${clock.status}`);
  return (
    <Chip
      size="small"
      color={COLOURS[clock.status]}
      label={label}
      variant={clock.status === 'running' ? 'outlined' : 'filled'}
      data-clock={clock.status}
    />
  );
}
