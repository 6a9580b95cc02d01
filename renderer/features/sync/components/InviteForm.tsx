// Inviting a user with a role: the invite code is made on this device and shown once (the server keeps
// only its hash), with the server certificate's fingerprint appended so the newcomer's device pins it.
import { useId, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { AccountError, AccountLink } from '../../../../shared/sync';
import {
  formatInvite,
  inviteUser,
  memberPinsOf,
  sessionPendingInvites,
  type Invitation,
} from '../../../../shared/sync';
import { ROLES, type Role } from '../../../../shared/sync';
import { useWorkspace } from '../../../kit/workspace';
import { inviteFingerprintOf, type CertificateState } from '../hooks/useServerCertificate';
import { fetchFromWindow, useSyncStore } from '../stores/sync-store';
import { accountErrorKey, type AccountErrorKey } from './account-errors';

export function InviteForm({
  link,
  certificate,
}: {
  readonly link: AccountLink;
  readonly certificate: CertificateState;
}) {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const refreshMembers = useSyncStore((s) => s.refreshMembers);
  const headingId = useId();
  const labelId = useId();
  const [role, setRole] = useState<Role>('sales');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountErrorKey | null>(null);
  const [invitation, setInvitation] = useState<(Invitation & { readonly pinned: boolean }) | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setInvitation(null);
    try {
      const invited = await inviteUser(
        fetchFromWindow,
        link,
        role,
        sessionPendingInvites(session),
        memberPinsOf(session),
      );
      if (invited.ok) {
        // The code as handed over carries the certificate the newcomer's device will pin.
        const fingerprint = inviteFingerprintOf(certificate);
        setInvitation({
          ...invited.value,
          inviteCode: formatInvite(invited.value.inviteCode, fingerprint),
          pinned: fingerprint !== null,
        });
        void refreshMembers();
      } else setError(accountErrorKey(invited.error as AccountError));
    } catch {
      setError('sync.account.error.other');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
      aria-busy={busy}
    >
      <Typography variant="h3" id={headingId} sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {t('sync.admin.invite.title')}
      </Typography>
      <FormControl>
        <InputLabel id={labelId}>{t('sync.admin.invite.role')}</InputLabel>
        <Select
          labelId={labelId}
          label={t('sync.admin.invite.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          renderValue={(value) => t(`sync.admin.roles.${value}.name`)}
          readOnly={busy}
        >
          {ROLES.map((r) => (
            <MenuItem key={r} value={r} sx={{ whiteSpace: 'normal', maxWidth: 520 }}>
              <ListItemText
                primary={t(`sync.admin.roles.${r}.name`)}
                secondary={t(`sync.admin.roles.${r}.description`)}
              />
            </MenuItem>
          ))}
        </Select>
        <FormHelperText>{t(`sync.admin.roles.${role}.description`)}</FormHelperText>
      </FormControl>
      <Typography variant="body2" color="text.secondary">
        {t('sync.admin.invite.minimise')}
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {t(error)}
        </Alert>
      )}
      <div>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? t('sync.admin.invite.inviting') : t('sync.admin.invite.submit')}
        </Button>
      </div>
      {invitation && (
        <Alert severity="success" role="status">
          <Stack spacing={1.5}>
            <Typography variant="body2">
              {t('sync.admin.invite.created', { role: t(`sync.admin.roles.${invitation.role}.name`) })}
            </Typography>
            <TextField
              label={t('sync.admin.invite.userId')}
              value={invitation.userId}
              size="small"
              slotProps={{ htmlInput: { readOnly: true } }}
            />
            <TextField
              label={t('sync.admin.invite.code')}
              value={invitation.inviteCode}
              size="small"
              slotProps={{ htmlInput: { readOnly: true } }}
            />
            {invitation.pinned ? (
              <Typography variant="body2">{t('sync.admin.invite.pinned')}</Typography>
            ) : (
              certificate.status === 'ready' && (
                <Typography variant="body2">{t('sync.admin.invite.unpinned')}</Typography>
              )
            )}
            <Typography variant="body2">{t('sync.admin.invite.instructions')}</Typography>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
