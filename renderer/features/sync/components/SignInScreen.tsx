// First run, second path: sign in to the organisation's server with user id and passphrase, or join it
// with an invite code. The local
// vault is built from what the server keeps (account.ts) and then syncs the organisation's data.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../../ui/SubmitButton';
import { AuthLayout } from '../../vault/components/AuthLayout';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { useJoinStore } from '../stores/join-store';
import { rememberedServerUrl } from '../stores/server-address';
import { unfinishedJoin } from '../stores/unfinished-join';
import { useAccountAttempt } from '../hooks/useAccountAttempt';
import { ServerUrlField, UserIdField } from './AccountFields';
import { ProblemAlert } from './ProblemAlert';
import { JoinScreen } from './JoinScreen';
import { NameFields, useNameChoice } from '../../../kit/NameFields';

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
  // A join left before the key arrived: signing in with the passphrase finishes it.
  const [unfinished] = useState(unfinishedJoin);
  const [serverUrl, setServerUrl] = useState(() => unfinished?.serverUrl ?? rememberedServerUrl());
  const [userId, setUserId] = useState(unfinished?.userId ?? '');
  const [passphrase, setPassphrase] = useState('');
  const names = useNameChoice();
  // A success opens the vault and this screen goes: it stays busy until then.
  const { busy, error, setError, attempt } = useAccountAttempt<{ key: 'sync.signIn.empty' }>({
    busyAfterSuccess: true,
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!serverUrl.trim() || !userId.trim() || !passphrase) {
      setError({ key: 'sync.signIn.empty' });
      return;
    }
    await attempt(() => signIn(serverUrl.trim(), userId.trim(), passphrase, names));
  };

  return (
    <AuthLayout title={t('sync.signIn.title')} subtitle={t('sync.signIn.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-busy={busy}>
        {unfinished && (
          <Alert severity="info">{t('sync.signIn.unfinishedJoin', { userId: unfinished.userId })}</Alert>
        )}
        <ServerUrlField value={serverUrl} onChange={setServerUrl} busy={busy} />
        <UserIdField value={userId} onChange={setUserId} busy={busy} />
        <PassphraseField
          label={t('sync.signIn.passphrase')}
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          readOnly={busy}
        />
        <NameFields choice={names} busy={busy} />
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
