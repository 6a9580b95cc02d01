// My day: the signed-in user's tasks and reminders due today or overdue. (Placeholder until built.)
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';

export function TodayPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.today')} />;
}
