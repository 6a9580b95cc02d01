// What stops a register form from saving, said above it: fields to correct, or a save that failed.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';

export function FormProblems({ invalid, failed }: { invalid: boolean; failed: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {invalid && (
        <Alert severity="error" role="alert">
          {t('consent.purposeForm.errors.summary')}
        </Alert>
      )}
      {failed && (
        <Alert severity="error" role="alert">
          {t('consent.actionFailed')}
        </Alert>
      )}
    </>
  );
}
