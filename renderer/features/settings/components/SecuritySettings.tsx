// Auto-lock and, where the OS keychain is safe to use, "Remember on this device".
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ShieldOutlinedIcon from '@mui/icons-material/ShieldOutlined';
import { useTranslation } from 'react-i18next';
import type { KeyStoreStatus } from '../../../../shared/platform';
import { usePlatform } from '../../../platform/platform-context';
import { FormSection } from '../../../ui/FormSection';
import { useVaultStore } from '../../vault/stores/vault-store';
import { AUTO_LOCK_CHOICES, useSettingsStore, type AutoLockMinutes } from '../../../kit/settings-store';

export function SecuritySettings() {
  const { t } = useTranslation();
  const platform = usePlatform();
  const autoLockMinutes = useSettingsStore((s) => s.autoLockMinutes);
  const setAutoLockMinutes = useSettingsStore((s) => s.setAutoLockMinutes);
  const remembered = useVaultStore((s) => s.remembered);
  const setRemembered = useVaultStore((s) => s.setRemembered);
  const [status, setStatus] = useState<KeyStoreStatus | null>(null);
  const [keychainFailed, setKeychainFailed] = useState(false);

  useEffect(() => {
    let current = true;
    void platform.keyStore.status().then((s) => current && setStatus(s));
    return () => {
      current = false;
    };
  }, [platform]);

  return (
    <FormSection title={t('settings.security.title')} icon={<ShieldOutlinedIcon />}>
      <Stack spacing={3}>
        <TextField
          select
          label={t('settings.autoLock.label')}
          value={autoLockMinutes}
          onChange={(e) => setAutoLockMinutes(Number(e.target.value) as AutoLockMinutes)}
          helperText={t('settings.autoLock.help')}
          sx={{ maxWidth: 320 }}
        >
          {AUTO_LOCK_CHOICES.map((minutes) => (
            <MenuItem key={minutes} value={minutes}>
              {minutes === 0
                ? t('settings.autoLock.never')
                : t('settings.autoLock.minutes', { count: minutes })}
            </MenuItem>
          ))}
        </TextField>
        {status?.available ? (
          <div>
            <FormControlLabel
              control={
                <Switch
                  checked={remembered}
                  onChange={(e) => {
                    setKeychainFailed(false);
                    void setRemembered(e.target.checked).then((done) => setKeychainFailed(!done));
                  }}
                />
              }
              label={t('settings.remember.label')}
            />
            <FormHelperText>{t('settings.remember.help', { backend: status.backend })}</FormHelperText>
            {keychainFailed && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {t('settings.remember.failed')}
              </Alert>
            )}
          </div>
        ) : status ? (
          <Alert severity="info" variant="outlined" role="note">
            <strong>{t('settings.remember.label')}</strong>:{' '}
            {t(`settings.remember.unavailable.${status.reason}`)}
          </Alert>
        ) : null}
      </Stack>
    </FormSection>
  );
}
