// One data-subject request (issue 6). Placeholder until the feature lands.
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

export function RequestPage({ id, subjectId }: { id: string; subjectId?: string | undefined }) {
  void [id, subjectId];
  const { t } = useTranslation();
  return <Typography variant="h4">{t('rights.title')}</Typography>;
}
