// Privacy: the screens an admin shows an auditor — the purposes register (Art. 30), privacy notices
// (Art. 13/14), subscription types, re-permission and notices due, campaign lists through the purpose
// gate, bulk updates, the controller's details, and the erasure certificates on file. One tab per address
// (#/privacy/<tab>).
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { formatRoute } from '../../../kit/routing';
import { PageHeader } from '../../../ui/PageHeader';
import { ErasureCertificatesTab } from '../../rights/erasure/components/ErasureCertificatesTab';
import { BulkUpdateTab } from './BulkUpdateTab';
import { CampaignListTab } from './CampaignListTab';
import { ControllerTab } from './ControllerTab';
import { NoticesDueTab } from './NoticesDueTab';
import { NoticesTab } from './NoticesTab';
import { PurposesTab } from './PurposesTab';
import { RepermissionTab } from './RepermissionTab';
import { SubscriptionTypesTab } from './SubscriptionTypesTab';

const TABS = [
  { id: 'purposes', Panel: PurposesTab },
  { id: 'notices', Panel: NoticesTab },
  { id: 'subscriptions', Panel: SubscriptionTypesTab },
  { id: 'repermission', Panel: RepermissionTab },
  { id: 'notices-due', Panel: NoticesDueTab },
  { id: 'campaigns', Panel: CampaignListTab },
  { id: 'bulk', Panel: BulkUpdateTab },
  { id: 'controller', Panel: ControllerTab },
  { id: 'erasures', Panel: ErasureCertificatesTab },
] as const;

export type PrivacyTab = (typeof TABS)[number]['id'];

export function PrivacyPage({ tab }: { tab?: string }) {
  const { t } = useTranslation();
  const current = TABS.find((entry) => entry.id === tab) ?? TABS[0];
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <PageHeader title={t('consent.page.title')} subtitle={t('consent.page.subtitle')} />
      <Tabs
        value={current.id}
        variant="scrollable"
        scrollButtons="auto"
        aria-label={t('consent.page.tabs')}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2.5 }}
      >
        {TABS.map((entry) => (
          <Tab
            key={entry.id}
            value={entry.id}
            label={t(`consent.tabs.${entry.id}`)}
            href={formatRoute({ name: 'privacy', tab: entry.id })}
            component="a"
            id={`privacy-tab-${entry.id}`}
            aria-controls="privacy-tabpanel"
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        id="privacy-tabpanel"
        aria-labelledby={`privacy-tab-${current.id}`}
        sx={{ flex: 1, minHeight: 0 }}
      >
        <current.Panel />
      </Box>
    </Box>
  );
}
