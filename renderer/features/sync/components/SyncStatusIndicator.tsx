// The sync status in the app shell: online or offline, changes waiting, last synced, errors in words.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlinedIcon from '@mui/icons-material/CloudSyncOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { useTranslation } from 'react-i18next';
import { useSyncStatusText } from '../hooks/useSyncStatusText';
import { useSyncStore } from '../stores/sync-store';

export function SyncStatusIndicator() {
  const { t } = useTranslation();
  const link = useSyncStore((s) => s.link);
  const status = useSyncStore((s) => s.status);
  const text = useSyncStatusText(status);
  if (!link) return null;
  const icon =
    status?.error && status.error !== 'offline' ? (
      <ErrorOutlineIcon fontSize="small" color="error" />
    ) : status && !status.online ? (
      <CloudOffOutlinedIcon fontSize="small" color="warning" />
    ) : status?.syncing || (status?.pending ?? 0) > 0 ? (
      <CloudSyncOutlinedIcon fontSize="small" color="primary" />
    ) : (
      <CloudDoneOutlinedIcon fontSize="small" color="success" />
    );
  return (
    <Box
      role="status"
      aria-label={t('sync.status.label')}
      aria-live="polite"
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', px: 0.5 }}
    >
      <Box aria-hidden sx={{ display: 'flex', pt: 0.25 }}>
        {icon}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {text}
      </Typography>
    </Box>
  );
}
