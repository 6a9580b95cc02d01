// Beside a list's count while this device's first sync runs: how many records are in, of how many, and
// about how long the rest takes. The list shows (and search finds) what has arrived meanwhile.
import Typography from '@mui/material/Typography';
import { useFirstSyncText } from '../hooks/useFirstSyncText';
import { useSyncStore } from '../stores/sync-store';

export function FirstSyncProgress() {
  const status = useSyncStore((s) => s.status);
  const text = useFirstSyncText(status);
  if (!text) return null;
  return (
    <Typography variant="body2" color="text.secondary" data-testid="first-sync-progress">
      {text}
    </Typography>
  );
}
