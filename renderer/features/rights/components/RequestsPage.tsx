// The request register: open requests by due date (issue 6). Placeholder until the feature lands.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function RequestsPage() {
  const { t } = useTranslation();
  return <Typography variant="h4">{t('rights.title')}</Typography>;
}
