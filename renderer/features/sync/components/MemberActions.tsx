// An admin changes a member: their role (from their next request), suspension and reinstatement, and
// removal after a confirmation that says what it does. Each change is recorded in the audit trail by the
// core (shared/sync/admin.ts changeMember).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { changeMember, type Member, type MemberChange } from '../../../../shared/sync';
import { ROLES, type Role } from '../../../../shared/sync';
import { memberPinsOf } from '../../../../shared/sync';
import { ConfirmDialog } from '../../../kit/FormDialog';
import { useWorkspace } from '../../../kit/workspace';
import { useMemberNames } from '../../../kit/useMemberNames';
import { fetchFromWindow, useSyncStore } from '../stores/sync-store';
import { accountErrorKey, type AccountErrorKey } from './account-errors';

export function MemberActions({ member }: { readonly member: Member }) {
  const { t } = useTranslation();
  const nameOf = useMemberNames();
  const { workspace: session, actor } = useWorkspace();
  const link = useSyncStore((s) => s.link);
  const refresh = useSyncStore((s) => s.refreshMembers);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountErrorKey | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (!link || member.status === 'removed') return null;

  const apply = async (change: MemberChange) => {
    setBusy(true);
    setError(null);
    try {
      const done = await changeMember(session, actor, {
        fetch: fetchFromWindow,
        link,
        userId: member.id,
        change,
        pins: memberPinsOf(session),
      });
      if (!done.ok) setError(accountErrorKey(done.error));
      await refresh();
      // A removal schedules a page-key rotation: this admin device starts it now, in the background.
      if (done.ok && change.kind === 'remove') void useSyncStore.getState().checkKeys();
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Select
          size="small"
          value={member.role}
          disabled={busy}
          inputProps={{ 'aria-label': t('sync.admin.users.changeRole', { user: nameOf.user(member.id) }) }}
          onChange={(event) => void apply({ kind: 'role', role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <MenuItem key={role} value={role}>
              {t(`sync.admin.roles.${role}.name`)}
            </MenuItem>
          ))}
        </Select>
        <Button
          size="small"
          disabled={busy}
          onClick={() => void apply({ kind: member.status === 'suspended' ? 'reinstate' : 'suspend' })}
        >
          {member.status === 'suspended' ? t('sync.admin.users.reinstate') : t('sync.admin.users.suspend')}
        </Button>
        <Button size="small" color="error" disabled={busy} onClick={() => setConfirming(true)}>
          {t('sync.admin.users.remove')}
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert">
          {t(error)}
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('sync.admin.users.removeTitle')}
        confirmLabel={t('sync.admin.users.confirmRemove')}
        destructive
        onConfirm={() => apply({ kind: 'remove' })}
        onClose={() => setConfirming(false)}
      >
        <DialogContentText>{t('sync.admin.users.removeBody')}</DialogContentText>
      </ConfirmDialog>
    </Stack>
  );
}
