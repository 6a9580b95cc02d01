// Settings: security first, then the passphrase, the user's and this device's names, sync (and, for the
// admin, devices and users), the audit trail, outgoing mail, appearance, and what this build is.
import { useEffect, useState } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/platform';
import { AuditTrailSettings } from '../../audit/components/AuditTrailSettings';
import { GettingStartedSettings } from '../../dashboard/components/GettingStartedSettings';
import { NamesSettings } from '../../sync/components/NamesSettings';
import { OrganisationSettings } from '../../sync/components/OrganisationSettings';
import { TerritorySettings } from '../../territories/components/TerritorySettings';
import { SyncSettings } from '../../sync/components/SyncSettings';
import { TeamSettings } from '../../teams/components/TeamSettings';
import { usePlatform } from '../../../platform/platform-context';
import { FormSection } from '../../../ui/FormSection';
import { PageHeader } from '../../../ui/PageHeader';
import { AppearanceSettings } from './AppearanceSettings';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { MailSettings } from './MailSettings';
import { SecuritySettings } from './SecuritySettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const platform = usePlatform();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let current = true;
    void platform.appInfo().then((i) => current && setInfo(i));
    return () => {
      current = false;
    };
  }, [platform]);

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 760 }}>
      <PageHeader title={t('settings.title')} />
      <SecuritySettings />
      <ChangePassphraseForm />
      <NamesSettings />
      <SyncSettings />
      <OrganisationSettings />
      <TeamSettings />
      <TerritorySettings />
      <AuditTrailSettings />
      <MailSettings />
      <AppearanceSettings />
      <GettingStartedSettings />
      <FormSection title={t('settings.about.title')} icon={<InfoOutlinedIcon />}>
        <Typography variant="body2" color="text.secondary">
          {t('settings.about.encryption')}
        </Typography>
        {info && (
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            {t('settings.about.version', {
              version: info.version,
              host: t(`settings.about.host.${info.host}`),
            })}
          </Typography>
        )}
      </FormSection>
    </Stack>
  );
}
