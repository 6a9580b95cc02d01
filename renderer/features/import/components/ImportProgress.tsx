// A determinate progress bar for the running phase, with its label and a Cancel button.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Busy } from '../stores/import-store';

export function ImportProgress({ busy, onCancel }: { busy: Busy; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language);
  const progress = busy.progress;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  const phase = progress?.phase ?? busy.kind;
  return (
    <Box sx={{ my: 3 }} role="status" aria-live="polite">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {t(`import.progress.${phase}`)}
        {progress && progress.total > 0 && phase !== 'read'
          ? ` — ${format.format(progress.done)} / ${format.format(progress.total)}`
          : ''}
      </Typography>
      <LinearProgress
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        aria-label={t(`import.progress.${phase}`)}
      />
      <Button sx={{ mt: 2 }} onClick={onCancel}>
        {t('import.cancel')}
      </Button>
    </Box>
  );
}
