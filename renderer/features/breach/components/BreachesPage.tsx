// The breach register (issue 8). Placeholder until the feature lands.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function BreachesPage() {
  const { t } = useTranslation();
  return <Typography variant="h4">{t('breach.title')}</Typography>;
}
