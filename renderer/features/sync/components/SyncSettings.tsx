// Settings → Sync server: connect this vault to the organisation's server (the first admin creates the
// organisation there), or see which server it syncs with and how that is going.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloudOutlinedIcon from '@mui/icons-material/CloudOutlined';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { useVaultStore } from '../../vault/stores/vault-store';
import { useSyncStatusText } from '../hooks/useSyncStatusText';
import { rememberedServerUrl } from '../stores/server-address';
import { useSyncStore } from '../stores/sync-store';
import { accountErrorKey, type AccountErrorKey } from './account-errors';

export function SyncSettings() {
  const { t } = useTranslation();
  const session = useVaultStore((s) => s.session);
  const link = useSyncStore((s) => s.link);
  const status = useSyncStore((s) => s.status);
  const connect = useSyncStore((s) => s.connect);
  const statusText = useSyncStatusText(status);
  const [serverUrl, setServerUrl] = useState(rememberedServerUrl);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountErrorKey | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!session || busy) return;
    setBusy(true);
    setError(null);
    try {
      const failure = await connect(session, serverUrl.trim(), passphrase);
      if (failure) setError(accountErrorKey(failure));
      else setPassphrase('');
    } catch {
      setError('sync.account.error.other');
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormSection
      title={t('sync.settings.title')}
      description={link ? undefined : t('sync.settings.description')}
      icon={<CloudOutlinedIcon />}
    >
      {link ? (
        <Stack spacing={1}>
          <Typography variant="body2">{t('sync.settings.connected', { url: link.serverUrl })}</Typography>
          <Typography variant="body2">
            {t('sync.settings.userId')} <strong data-testid="sync-user-id">{link.userId}</strong>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('sync.settings.userIdHelp')}
          </Typography>
          <Typography variant="body2">{statusText}</Typography>
        </Stack>
      ) : (
        <Stack component="form" spacing={2} onSubmit={onSubmit} noValidate aria-busy={busy}>
          <TextField
            label={t('sync.account.serverUrl')}
            type="url"
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            slotProps={{ htmlInput: { readOnly: busy } }}
          />
          <PassphraseField
            label={t('sync.settings.passphrase')}
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            helperText={t('sync.settings.passphraseHelp')}
            readOnly={busy}
          />
          {error && (
            <Alert severity="error" role="alert">
              {t(error)}
            </Alert>
          )}
          <SubmitButton busy={busy}>
            {busy ? t('sync.settings.connecting') : t('sync.settings.connect')}
          </SubmitButton>
        </Stack>
      )}
    </FormSection>
  );
}
