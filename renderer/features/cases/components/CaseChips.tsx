// The priority and status of a case as small chips, coloured by urgency.
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { CasePriority, CaseStatus } from '../../../../shared/cases';

const PRIORITY_COLOUR = { urgent: 'error', high: 'warning', normal: 'default', low: 'default' } as const;

export function PriorityChip({ priority }: { priority: CasePriority }) {
  const { t } = useTranslation();
  return (
    <Chip
      size="small"
      color={PRIORITY_COLOUR[priority]}
      variant={priority === 'low' ? 'outlined' : 'filled'}
      label={t(`cases.priority.${priority}`)}
    />
  );
}

export function StatusChip({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const done = status === 'resolved' || status === 'closed';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={done ? 'success' : status === 'new' ? 'primary' : 'default'}
      label={t(`cases.status.${status}`)}
    />
  );
}
