// Settings → Sync server: connect this vault to the organisation's server (the first admin creates the
// organisation there), or see which server it syncs with and how that is going. A server that already
// holds an organisation asks for the setup code it printed at start; the field appears when it does.
import { useState, type FormEvent } from 'react';
import Stack from '@mui/material/Stack';
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
import { useAccountAttempt } from '../hooks/useAccountAttempt';
import { AccountField, ServerUrlField } from './AccountFields';
import { CopyButton } from './CopyButton';
import { ProblemAlert } from './ProblemAlert';
import { SignInAgain } from './SignInAgain';

export function SyncSettings() {
  const { t } = useTranslation();
  const session = useVaultStore((s) => s.session);
  const link = useSyncStore((s) => s.link);
  const status = useSyncStore((s) => s.status);
  const connect = useSyncStore((s) => s.connect);
  const statusText = useSyncStatusText(status);
  const [serverUrl, setServerUrl] = useState(rememberedServerUrl);
  const [passphrase, setPassphrase] = useState('');
  const [setupCode, setSetupCode] = useState('');
  const [askSetupCode, setAskSetupCode] = useState(false);
  const { busy, error, attempt } = useAccountAttempt({
    onFailure: (failure) => {
      if (failure.error === 'setup-code-required') setAskSetupCode(true);
    },
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!session || busy) return;
    const connected = await attempt(() =>
      connect(session, serverUrl.trim(), passphrase, setupCode.trim() || undefined),
    );
    if (connected) setPassphrase('');
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
            {t('sync.settings.userId')} <strong data-testid="sync-user-id">{link.userId}</strong>{' '}
            <CopyButton
              text={link.userId}
              label={t('names.settings.copyUserId')}
              copied={t('names.settings.userIdCopied')}
            />
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('sync.settings.userIdHelp')}
          </Typography>
          <Typography variant="body2">{statusText}</Typography>
          {status?.error === 'token-expired' && <SignInAgain />}
        </Stack>
      ) : (
        <Stack component="form" spacing={2} onSubmit={onSubmit} noValidate aria-busy={busy}>
          <ServerUrlField value={serverUrl} onChange={setServerUrl} busy={busy} />
          <PassphraseField
            label={t('sync.settings.passphrase')}
            autoComplete="current-password"
            value={passphrase}
            onChange={setPassphrase}
            helperText={t('sync.settings.passphraseHelp')}
            readOnly={busy}
          />
          {askSetupCode && (
            <AccountField
              label={t('sync.settings.setupCode')}
              value={setupCode}
              autoComplete="off"
              onChange={setSetupCode}
              helperText={t('sync.settings.setupCodeHelp')}
              busy={busy}
              verbatim
            />
          )}
          {error && <ProblemAlert problem={error} />}
          <SubmitButton busy={busy}>
            {busy ? t('sync.settings.connecting') : t('sync.settings.connect')}
          </SubmitButton>
        </Stack>
      )}
    </FormSection>
  );
}
