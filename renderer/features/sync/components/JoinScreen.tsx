// First run, third path: join an organisation with the user id and one-time invite code from its admin.
// This device makes the user's keys and registers them; the organisation key follows once the admin's
// device has checked them and sealed it (shared/sync/invite.ts), and then the vault opens by itself.
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { readInvite } from '../../../../shared/sync';
import { SubmitButton } from '../../../ui/SubmitButton';
import { AuthLayout } from '../../vault/components/AuthLayout';
import { NewPassphraseFields } from '../../vault/components/NewPassphraseFields';
import { useNewPassphrase } from '../../vault/hooks/useNewPassphrase';
import { useJoinStore } from '../stores/join-store';
import { rememberedServerUrl } from '../stores/server-address';
import { accountErrorKey, accountProblem, type AccountProblem } from './account-errors';
import { ProblemAlert } from './ProblemAlert';

export function JoinScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const join = useJoinStore((s) => s.join);
  const joining = useJoinStore((s) => s.joining);
  const joinError = useJoinStore((s) => s.joinError);
  const cancelJoin = useJoinStore((s) => s.cancelJoin);
  const [serverUrl, setServerUrl] = useState(rememberedServerUrl);
  const [userId, setUserId] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const chosen = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountProblem | { key: 'sync.join.empty' } | null>(null);
  // An invite from before pinning (or from a server without TLS) names no certificate: say so.
  const unpinned = useMemo(() => readInvite(inviteCode)?.fingerprint === null, [inviteCode]);

  if (joining) {
    return (
      <AuthLayout title={t('sync.join.waitingTitle')} subtitle={t('sync.join.waiting')}>
        <Stack spacing={2.5} role="status" aria-live="polite">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <CircularProgress size={24} aria-hidden />
            <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
              {t('sync.signIn.userId')}: {joining.userId}
            </Typography>
          </Stack>
          {joinError && (
            <Alert severity={joinError === 'offline' ? 'warning' : 'error'}>
              {t(accountErrorKey(joinError))}
            </Alert>
          )}
          <Typography variant="body2" color="text.secondary">
            {t('sync.join.waitingLater')}
          </Typography>
          <Button onClick={cancelJoin}>{t('sync.join.cancel')}</Button>
        </Stack>
      </AuthLayout>
    );
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setSubmitted(true);
    if (!serverUrl.trim() || !userId.trim() || !inviteCode.trim()) {
      setError({ key: 'sync.join.empty' });
      return;
    }
    if (chosen.tooShort || chosen.mismatch) return;
    setBusy(true);
    setError(null);
    try {
      const failure = await join(serverUrl.trim(), userId.trim(), inviteCode.trim(), chosen.passphrase);
      if (failure) setError(accountProblem(failure));
    } catch {
      setError({ key: 'sync.account.error.other' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('sync.join.title')} subtitle={t('sync.join.subtitle')}>
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
          slotProps={{ htmlInput: { readOnly: busy, spellCheck: false } }}
        />
        <TextField
          label={t('sync.join.inviteCode')}
          value={inviteCode}
          autoComplete="one-time-code"
          onChange={(e) => setInviteCode(e.target.value)}
          slotProps={{ htmlInput: { readOnly: busy, spellCheck: false } }}
          helperText={unpinned ? t('sync.join.noFingerprint') : undefined}
        />
        <NewPassphraseFields
          state={chosen}
          label={t('vault.create.passphrase')}
          confirmationLabel={t('vault.create.confirmation')}
          submitted={submitted}
          busy={busy}
          strengthId="join-passphrase-strength"
          policyHint
        />
        <Alert severity="info" variant="outlined" role="note">
          {t('vault.create.noRecovery')}
        </Alert>
        {error && <ProblemAlert problem={error} />}
        <SubmitButton busy={busy} size="large">
          {busy ? t('sync.join.joining') : t('sync.join.submit')}
        </SubmitButton>
        <Button onClick={onBack} disabled={busy}>
          {t('sync.join.back')}
        </Button>
      </Stack>
    </AuthLayout>
  );
}
