// Privacy: purposes register, notices, subscriptions, re-permission and campaign lists. (Placeholder until built.)
import { PageHeader } from '../../../ui/PageHeader';

export function PrivacyPage(_props: { tab?: string }) {
  return <PageHeader title="PrivacyPage" />;
}
