// Settings → Your name and this device: the name colleagues see for the user and for this device, stored
// encrypted with the organisation key and synced (shared/sync/member-names.ts). The device's name starts
// from a default made of the user's name and the platform, until the user types their own.
import { useState, type FormEvent } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { useTranslation } from 'react-i18next';
import { setName } from '../../../../shared/sync';
import { useMemberNames } from '../../../kit/useMemberNames';
import { useOperation } from '../../../kit/useOperation';
import { notify } from '../../../kit/notification-store';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useDeviceDefaults } from '../../../kit/useDeviceDefaults';
import { useSyncStore } from '../stores/sync-store';
import { LOCAL_NAME_ID } from '../stores/names';

export function NamesSettings() {
  const { t } = useTranslation();
  const link = useSyncStore((s) => s.link);
  const userId = link?.userId ?? LOCAL_NAME_ID;
  const deviceId = link?.deviceId ?? LOCAL_NAME_ID;
  const { names } = useMemberNames();
  const deviceDefault = useDeviceDefaults();
  const storedUser = names.users[userId] ?? '';
  const storedDevice = names.devices[deviceId] ?? '';
  // What the user typed; null shows what is stored (which may arrive later, or change by sync).
  const [typedUser, setTypedUser] = useState<string | null>(null);
  const [typedDevice, setTypedDevice] = useState<string | null>(null);
  const { run, busy } = useOperation(setName);

  const displayName = typedUser ?? storedUser;
  // Until a device name is stored or typed, it follows the default for the name given.
  const shownDevice = typedDevice ?? (storedDevice || deviceDefault(displayName));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    try {
      if (displayName.trim() && displayName.trim() !== storedUser)
        await run({ of: 'user', id: userId, name: displayName });
      if (shownDevice.trim() && shownDevice.trim() !== storedDevice)
        await run({ of: 'device', id: deviceId, name: shownDevice });
      setTypedUser(null);
      setTypedDevice(null);
      notify(t('names.settings.saved'));
    } catch {
      notify(t('names.settings.failed'), 'error');
    }
  };

  return (
    <FormSection
      title={t('names.settings.title')}
      description={t('names.settings.description')}
      icon={<BadgeOutlinedIcon />}
    >
      <Stack component="form" spacing={2} onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy}>
        <TextField
          label={t('names.settings.displayName')}
          value={displayName}
          onChange={(e) => setTypedUser(e.target.value)}
          autoComplete="name"
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <TextField
          label={t('names.settings.deviceName')}
          value={shownDevice}
          onChange={(e) => setTypedDevice(e.target.value)}
          autoComplete="off"
          helperText={t('names.settings.deviceNameHelp')}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <SubmitButton busy={busy}>{t('names.settings.save')}</SubmitButton>
      </Stack>
    </FormSection>
  );
}
