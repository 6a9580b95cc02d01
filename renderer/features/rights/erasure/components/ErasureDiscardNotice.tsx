// Tells the user that sync refused changes they made offline to people erased meanwhile (Art. 17): the
// changes are gone on purpose, not lost by accident.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useDiscardNotice } from '../hooks/useDiscardNotice';

export function ErasureDiscardNotice() {
  const { t } = useTranslation();
  const { count, dismiss } = useDiscardNotice();
  if (!count) return null;
  return (
    <Alert
      severity="info"
      role="status"
      action={
        <Button color="inherit" size="small" onClick={dismiss}>
          {t('erasure.notice.dismiss')}
        </Button>
      }
    >
      {t('erasure.notice.discarded', { count })}
    </Alert>
  );
}
