// The privacy dashboard: the first screen an admin sees (issue 7). Placeholder until the feature lands.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function DashboardPage() {
  const { t } = useTranslation();
  return <Typography variant="h4">{t('dashboard.title')}</Typography>;
}
