// For pages about something that links people (a deal, a case): a compact notice when any of them is
// restricted (Art. 18), so nobody processes their data there without seeing it.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useRestrictedIds } from '../hooks/useRestrictedIds';

export function RestrictionNotice({ subjectIds }: { readonly subjectIds: readonly (string | null)[] }) {
  const { t } = useTranslation();
  const restricted = useRestrictedIds();
  if (!subjectIds.some((id) => id !== null && restricted.has(id))) return null;
  return (
    <Alert severity="warning" role="status" data-testid="restriction-notice" sx={{ mb: 2 }}>
      {t('subjectRights.restriction.linked')}
    </Alert>
  );
}
