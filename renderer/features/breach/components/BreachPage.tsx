// One breach, or the lost-device drill (issue 8). Placeholder until the feature lands.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function BreachPage({ id }: { id: string }) {
  void [id];
  const { t } = useTranslation();
  return <Typography variant="h4">{t('breach.title')}</Typography>;
}
