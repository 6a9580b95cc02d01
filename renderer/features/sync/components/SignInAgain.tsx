// Shown under Settings → Sync server when the server refused this device's token as expired (the laptop
// was offline longer than a token lives): the passphrase signs the same device in again, and sync resumes.
import { useState, type FormEvent } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../ui/SubmitButton';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { useAccountAttempt } from '../hooks/useAccountAttempt';
import { useSyncStore } from '../stores/sync-store';
import { ProblemAlert } from './ProblemAlert';

export function SignInAgain() {
  const { t } = useTranslation();
  const signInAgain = useSyncStore((s) => s.signInAgain);
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, attempt } = useAccountAttempt();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const done = await attempt(async () => {
      const failure = await signInAgain(passphrase);
      return failure ? { error: failure } : null;
    });
    if (done) setPassphrase('');
  };

  return (
    <Stack component="form" spacing={2} onSubmit={onSubmit} noValidate aria-busy={busy}>
      <Typography variant="body2">{t('sync.settings.signInAgainHelp')}</Typography>
      <PassphraseField
        label={t('sync.settings.passphrase')}
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
        readOnly={busy}
      />
      {error && <ProblemAlert problem={error} />}
      <SubmitButton busy={busy}>{t('sync.settings.signInAgain')}</SubmitButton>
    </Stack>
  );
}
