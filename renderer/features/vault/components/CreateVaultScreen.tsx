// First run: choose the passphrase that protects everything on this device. It cannot be recovered.
// No field takes the focus at once: the first Tab stop is the language switch (AuthLayout puts it before the
// card), so someone who reads neither language well finds it first, and a screen reader starts at the top.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useNewPassphrase } from '../hooks/useNewPassphrase';
import { useVaultStore } from '../stores/vault-store';
import { AuthLayout } from './AuthLayout';
import { FirstPassphraseFields } from './FirstPassphraseFields';
import { VaultUsername } from './VaultUsername';
import { NameFields, useNameChoice } from '../../../kit/NameFields';

export function CreateVaultScreen({ onSignIn }: { onSignIn?: () => void }) {
  const { t } = useTranslation();
  const create = useVaultStore((s) => s.create);
  const chosen = useNewPassphrase();
  const names = useNameChoice();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (busy || !(await chosen.acceptable())) return;
    setBusy(true);
    setFailed(false);
    try {
      await create(chosen.passphrase, names);
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('vault.create.title')} subtitle={t('vault.create.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate>
        <FirstPassphraseFields
          state={chosen}
          submitted={submitted}
          busy={busy}
          strengthId="passphrase-strength"
        />
        <NameFields choice={names} busy={busy} />
        {failed && <Alert severity="error">{t('vault.create.failed')}</Alert>}
        <SubmitButton busy={busy} size="large">
          {busy ? t('vault.create.creating') : t('vault.create.submit')}
        </SubmitButton>
        <VaultUsername />
        {onSignIn && (
          <Button onClick={onSignIn} disabled={busy}>
            {t('sync.signIn.open')}
          </Button>
        )}
      </Stack>
    </AuthLayout>
  );
}
