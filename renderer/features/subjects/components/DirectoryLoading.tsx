// "Loading 12,000 of 100,000…" beside a list's count while the directory still reads records after an
// unlock without a snapshot: the list shows what has arrived, in order, and says that more is coming.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

export function DirectoryLoading() {
  const { t, i18n } = useTranslation();
  const { directory } = useWorkspace();
  useDirectoryVersion(directory);
  const progress = directory.loadProgress();
  if (!progress) return null;
  const format = new Intl.NumberFormat(i18n.language);
  return (
    <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
      {t('directory.loading', { done: format.format(progress.done), total: format.format(progress.total) })}
    </Typography>
  );
}
