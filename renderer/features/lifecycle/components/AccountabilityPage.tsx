// Accountability (GDPR Art. 5(2), 28, 30): the record of processing activities an auditor asks for, and
// the register of processors and recipients it draws on, and (admins) the retention review queue.
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../kit/routing';
import { PageHeader } from '../../../ui/PageHeader';
import { useRegisters } from '../hooks/useRegisters';
import { CustomFieldsTab } from './CustomFieldsTab';
import { ProcessorsTab } from './ProcessorsTab';
import { RecordOfProcessingTab } from './RecordOfProcessingTab';
import { RetentionTab } from './RetentionTab';
import { useCurrentUser } from '../../../kit/useCurrentUser';

const TABS = ['record', 'processors', 'fields', 'retention'] as const;
type TabId = (typeof TABS)[number];

export function AccountabilityPage({ tab }: { tab?: string }) {
  const { t } = useTranslation();
  const registers = useRegisters();
  const admin = useCurrentUser().role === 'admin';
  const allowed = admin ? TABS : TABS.filter((id) => id !== 'retention');
  const current: TabId = (allowed as readonly string[]).includes(tab ?? '') ? (tab as TabId) : 'record';
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <PageHeader title={t('lifecycle.title')} subtitle={t('lifecycle.subtitle')} />
      <Tabs
        value={current}
        onChange={(_, value: TabId) => navigate({ name: 'register', tab: value })}
        sx={{ mb: 2.5, borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="record" label={t('lifecycle.tabs.record')} />
        <Tab value="processors" label={t('lifecycle.tabs.processors')} />
        <Tab value="fields" label={t('lifecycle.tabs.fields')} />
        {admin && <Tab value="retention" label={t('lifecycle.tabs.retention')} />}
      </Tabs>
      {!registers ? (
        <LinearProgress />
      ) : current === 'record' ? (
        <RecordOfProcessingTab registers={registers} />
      ) : current === 'fields' ? (
        <CustomFieldsTab registers={registers} />
      ) : current === 'retention' ? (
        <RetentionTab />
      ) : (
        <ProcessorsTab registers={registers} />
      )}
    </Box>
  );
}
