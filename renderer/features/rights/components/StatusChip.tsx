// A state shown as a state, not as something to press: an outlined chip with an icon and words, so it
// reads the same without colour.
import Chip from '@mui/material/Chip';
import CheckCircleOutlinedIcon from '@mui/icons-material/CheckCircleOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';

export function StatusChip({ ok, label, testId }: { ok: boolean; label: string; testId?: string }) {
  return (
    <Chip
      role="status"
      variant="outlined"
      color={ok ? 'success' : 'default'}
      icon={ok ? <CheckCircleOutlinedIcon /> : <ScheduleIcon />}
      label={label}
      data-testid={testId}
      data-state={ok ? 'ok' : 'waiting'}
    />
  );
}
