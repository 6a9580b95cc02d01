// Unlock with the passphrase. A wrong passphrase changes nothing: the field keeps focus, selected, so the
// next attempt can simply be typed.
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import KeyOutlinedIcon from '@mui/icons-material/KeyOutlined';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useVaultStore } from '../stores/vault-store';
import { AuthLayout } from './AuthLayout';
import { PassphraseField } from './PassphraseField';
import { VaultUsername } from './VaultUsername';

export function UnlockScreen() {
  const { t } = useTranslation();
  const unlock = useVaultStore((s) => s.unlock);
  const unlockWithKeychain = useVaultStore((s) => s.unlockWithKeychain);
  const remembered = useVaultStore((s) => s.remembered);
  const lockReason = useVaultStore((s) => s.lockReason);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<'wrong' | 'empty' | 'failed' | 'changed' | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const refocus = () => {
    field.current?.focus();
    field.current?.select();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!passphrase) {
      setError('empty');
      refocus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const outcome = await unlock(passphrase);
      if (outcome === 'wrong-passphrase' || outcome === 'passphrase-changed') {
        setError(outcome === 'wrong-passphrase' ? 'wrong' : 'changed');
        setBusy(false);
        refocus();
      }
    } catch {
      setError('failed');
      setBusy(false);
    }
  };

  const helper =
    error === 'wrong'
      ? t('vault.unlock.wrong')
      : error === 'changed'
        ? t('vault.unlock.oldPassphrase')
        : error === 'empty'
          ? t('vault.unlock.empty')
          : undefined;

  return (
    <AuthLayout title={t('vault.unlock.title')} subtitle={t('vault.unlock.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-busy={busy}>
        <PassphraseField
          ref={field}
          label={t('vault.unlock.passphrase')}
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onChange={(value) => {
            setPassphrase(value);
            if (error === 'empty') setError(null);
          }}
          error={error === 'wrong' || error === 'empty' || error === 'changed'}
          helperText={helper}
          readOnly={busy}
        />
        {error === 'wrong' && (
          <Alert severity="error" role="alert">
            {t('vault.unlock.wrongDetail')}
          </Alert>
        )}
        {(lockReason === 'passphrase-changed' || error === 'changed') && (
          <Alert severity="warning" role="alert">
            {t('vault.unlock.passphraseChanged')}
          </Alert>
        )}
        {error === 'failed' && <Alert severity="error">{t('vault.unlock.failed')}</Alert>}
        <SubmitButton busy={busy} size="large">
          {busy ? t('vault.unlock.unlocking') : t('vault.unlock.submit')}
        </SubmitButton>
        {remembered && (
          <>
            <Divider>{t('common.or')}</Divider>
            <Button
              variant="outlined"
              startIcon={<KeyOutlinedIcon />}
              disabled={busy}
              onClick={() => void unlockWithKeychain()}
            >
              {t('vault.unlock.withKeychain')}
            </Button>
          </>
        )}
        <VaultUsername />
      </Stack>
    </AuthLayout>
  );
}
