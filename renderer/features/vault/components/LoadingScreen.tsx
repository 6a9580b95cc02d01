// Shown while the vault opens and the directory is decrypted, with counts when there are any.
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../../shared/store';
import { KluisLogo } from '../../../ui/KluisLogo';

export function LoadingScreen({ message, progress }: { message: string; progress?: Progress | null }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const counted = progress && progress.total > 0;
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Stack
        spacing={3}
        sx={{ alignItems: 'center', width: '100%', maxWidth: 380 }}
        role="status"
        aria-live="polite"
      >
        <KluisLogo size="large" />
        {counted ? (
          <LinearProgress
            variant="determinate"
            value={(progress.done / progress.total) * 100}
            sx={{ width: '100%', height: 6, borderRadius: 3 }}
            aria-label={message}
          />
        ) : (
          <CircularProgress aria-label={message} />
        )}
        <Box sx={{ textAlign: 'center' }}>
          <Typography>{message}</Typography>
          {counted && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('vault.loading.progress', {
                done: format.format(progress.done),
                total: format.format(progress.total),
              })}
            </Typography>
          )}
        </Box>
      </Stack>
    </Box>
  );
}
