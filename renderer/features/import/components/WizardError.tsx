// What went wrong, and where in the file (row, column) — never what a cell held.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../shared/import';
import type { WizardError as WizardErrorState } from '../stores/import-store';

export function WizardError({ error }: { error: WizardErrorState }) {
  const { t } = useTranslation();
  const info = error.info && 'code' in error.info ? error.info : null;
  const where = info
    ? [
        info.row !== undefined && t('import.where.row', { row: info.row }),
        info.column !== undefined && t('import.where.column', { column: columnLetter(info.column) }),
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <Alert severity={error.key === 'cancelled' ? 'info' : 'error'} sx={{ my: 2 }}>
      {t(`import.errors.${error.key}`)}
      {info && ` ${t(`import.codes.${info.code}`)}`}
      {where && ` (${info?.file}: ${where})`}
    </Alert>
  );
}
