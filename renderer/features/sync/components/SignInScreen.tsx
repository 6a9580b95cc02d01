// First run, second path: sign in to the organisation's server with user id and passphrase, or join it
// with an invite code. The local
// vault is built from what the server keeps (account.ts) and then syncs the organisation's data.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../ui/SubmitButton';
import { AuthLayout } from '../../vault/components/AuthLayout';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { useJoinStore } from '../stores/join-store';
import { rememberedServerUrl } from '../stores/server-address';
import { accountProblem, type AccountProblem } from './account-errors';
import { ProblemAlert } from './ProblemAlert';
import { JoinScreen } from './JoinScreen';

/** Sign in with a passphrase, or join with an invite code (JoinScreen). */
export function SignInScreen({ onBack }: { onBack: () => void }) {
  const joining = useJoinStore((s) => s.joining);
  const [join, setJoin] = useState(false);
  if (join || joining) return <JoinScreen onBack={() => setJoin(false)} />;
  return <PassphraseSignIn onBack={onBack} onJoin={() => setJoin(true)} />;
}

function PassphraseSignIn({ onBack, onJoin }: { onBack: () => void; onJoin: () => void }) {
  const { t } = useTranslation();
  const signIn = useJoinStore((s) => s.signIn);
  const [serverUrl, setServerUrl] = useState(rememberedServerUrl);
  const [userId, setUserId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountProblem | { key: 'sync.signIn.empty' } | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!serverUrl.trim() || !userId.trim() || !passphrase) {
      setError({ key: 'sync.signIn.empty' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const failure = await signIn(serverUrl.trim(), userId.trim(), passphrase);
      if (failure) {
        setError(accountProblem(failure));
        setBusy(false);
      }
    } catch {
      setError({ key: 'sync.account.error.other' });
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('sync.signIn.title')} subtitle={t('sync.signIn.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-busy={busy}>
        <TextField
          label={t('sync.account.serverUrl')}
          type="url"
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
          slotProps={{ htmlInput: { readOnly: busy } }}
        />
        <TextField
          label={t('sync.signIn.userId')}
          value={userId}
          autoFocus
          autoComplete="username"
          onChange={(e) => setUserId(e.target.value)}
          slotProps={{ htmlInput: { readOnly: busy } }}
        />
        <PassphraseField
          label={t('sync.signIn.passphrase')}
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          readOnly={busy}
        />
        {error && <ProblemAlert problem={error} />}
        <SubmitButton busy={busy} size="large">
          {busy ? t('sync.signIn.signingIn') : t('sync.signIn.submit')}
        </SubmitButton>
        <Button onClick={onJoin} disabled={busy}>
          {t('sync.join.open')}
        </Button>
        <Button onClick={onBack} disabled={busy}>
          {t('sync.signIn.back')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
