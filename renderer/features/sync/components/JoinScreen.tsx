// First run, third path: join an organisation with the user id and one-time invite code from its admin.
// This device makes the user's keys and registers them; the organisation key follows once the admin's
// device has checked them and sealed it (shared/sync/invite.ts), and then the vault opens by itself.
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { readInvite } from '../../../../shared/sync';
import { SubmitButton } from '../../../ui/SubmitButton';
import { AuthLayout } from '../../vault/components/AuthLayout';
import { FirstPassphraseFields } from '../../vault/components/FirstPassphraseFields';
import { useNewPassphrase } from '../../vault/hooks/useNewPassphrase';
import { useJoinStore } from '../stores/join-store';
import { rememberedServerUrl } from '../stores/server-address';
import { useAccountAttempt } from '../hooks/useAccountAttempt';
import { accountErrorKey } from './account-errors';
import { AccountField, ServerUrlField, UserIdField } from './AccountFields';
import { ProblemAlert } from './ProblemAlert';
import { NameFields, useNameChoice } from '../../../kit/NameFields';

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
  const names = useNameChoice();
  const [submitted, setSubmitted] = useState(false);
  const { busy, error, setError, attempt } = useAccountAttempt<{ key: 'sync.join.empty' }>();
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
    if (!(await chosen.acceptable())) return;
    await attempt(() => join(serverUrl.trim(), userId.trim(), inviteCode.trim(), chosen.passphrase, names));
  };

  return (
    <AuthLayout title={t('sync.join.title')} subtitle={t('sync.join.subtitle')}>
      <Stack component="form" spacing={2.5} onSubmit={onSubmit} noValidate aria-busy={busy}>
        <ServerUrlField value={serverUrl} onChange={setServerUrl} busy={busy} />
        <UserIdField value={userId} onChange={setUserId} busy={busy} verbatim />
        <AccountField
          label={t('sync.join.inviteCode')}
          value={inviteCode}
          autoComplete="one-time-code"
          onChange={setInviteCode}
          busy={busy}
          verbatim
          helperText={unpinned ? t('sync.join.noFingerprint') : undefined}
        />
        <FirstPassphraseFields
          state={chosen}
          submitted={submitted}
          busy={busy}
          strengthId="join-passphrase-strength"
        />
        <NameFields choice={names} busy={busy} />
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
