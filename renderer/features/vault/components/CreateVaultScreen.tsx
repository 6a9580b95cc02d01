// First run: choose the passphrase that protects everything on this device. It cannot be recovered.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault/vault';
import { useVaultStore } from '../stores/vault-store';
import { AuthLayout } from './AuthLayout';
import { PassphraseField } from './PassphraseField';
import { PassphraseStrength } from './PassphraseStrength';
import { VaultUsername } from './VaultUsername';

export function CreateVaultScreen() {
  const { t } = useTranslation();
  const create = useVaultStore((s) => s.create);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const tooShort = [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirmation !== passphrase;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort || mismatch || busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await create(passphrase);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('vault.create.title')} subtitle={t('vault.create.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate>
        <Stack spacing={1}>
          <PassphraseField
            label={t('vault.create.passphrase')}
            autoComplete="new-password"
            autoFocus
            value={passphrase}
            onChange={setPassphrase}
            error={submitted && tooShort}
            helperText={
              submitted && tooShort
                ? t('vault.policy', { min: MIN_PASSPHRASE_LENGTH, length: [...passphrase].length })
                : undefined
            }
            describedBy="passphrase-strength"
            readOnly={busy}
          />
          <PassphraseStrength passphrase={passphrase} id="passphrase-strength" />
        </Stack>
        <PassphraseField
          label={t('vault.create.confirmation')}
          autoComplete="new-password"
          value={confirmation}
          onChange={setConfirmation}
          error={submitted && mismatch}
          helperText={submitted && mismatch ? t('vault.create.mismatch') : undefined}
          readOnly={busy}
        />
        <Alert severity="info" variant="outlined" role="note">
          {t('vault.create.noRecovery')}
        </Alert>
        {failed && <Alert severity="error">{t('vault.create.failed')}</Alert>}
        <Button
          type="submit"
          variant="contained"
          size="large"
          disabled={busy}
          startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
        >
          {busy ? t('vault.create.creating') : t('vault.create.submit')}
        </Button>
        <VaultUsername />
      </Stack>
    </AuthLayout>
  );
}
