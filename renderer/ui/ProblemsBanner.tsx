// Warns when records could not be opened (tampered with, key missing, written by a newer Kluis). The
// lists stay usable; the count says how many are missing from them.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';

export function ProblemsBanner({ count }: { count: number }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 2 }}>
      {t('problems.banner', { count })}
    </Alert>
  );
}
