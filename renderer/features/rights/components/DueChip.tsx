// The due state of an open request, in words and an icon as well as colour: "3 days overdue" in red with
// a warning icon, "due in 5 days" in amber, the date otherwise; closed requests show their outcome.
import Chip from '@mui/material/Chip';
import ErrorIcon from '@mui/icons-material/Error';
import ScheduleIcon from '@mui/icons-material/Schedule';
import EventIcon from '@mui/icons-material/Event';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useTranslation } from 'react-i18next';
import { deadlineState, localDay } from '../../../../shared/requests';
import { isOpen, requestDueOn, type SubjectRequestPayload } from '../../../../shared/requests';

export function DueChip({ request, now }: { request: SubjectRequestPayload; now: number }) {
  const { t } = useTranslation();
  if (!isOpen(request.status))
    return (
      <Chip
        size="small"
        icon={<CheckCircleIcon />}
        label={t(`rights.status.${request.status}`)}
        variant="outlined"
      />
    );
  const state = deadlineState(requestDueOn(request), localDay(now));
  if (state.state === 'overdue')
    return (
      <Chip
        size="small"
        color="error"
        icon={<ErrorIcon />}
        label={t('rights.due.overdue', { count: state.daysOverdue })}
        data-state="overdue"
      />
    );
  if (state.state === 'due-soon')
    return (
      <Chip
        size="small"
        color="warning"
        icon={<ScheduleIcon />}
        label={state.daysLeft === 0 ? t('rights.due.today') : t('rights.due.soon', { count: state.daysLeft })}
        data-state="due-soon"
      />
    );
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<EventIcon />}
      label={t('rights.due.inDays', { count: state.daysLeft })}
      data-state="on-time"
    />
  );
}
