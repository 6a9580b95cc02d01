// Settings → Devices and users, for the organisation's admin only: every device that syncs with the
// server (revoke one, and it wipes its local copy), the server's certificate that joining devices pin,
// and inviting a user with a role (InviteForm).
import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import GroupOutlinedIcon from '@mui/icons-material/GroupOutlined';
import { useTranslation } from 'react-i18next';
import type { AccountLink } from '../../../../shared/sync';
import { listDevices, revokeDevice } from '../../../../shared/sync';
import type { DeviceSummary } from '../../../../shared/sync';
import { mayManageOrganisation } from '../../../../shared/sync';
import { FormSection } from '../../../ui/FormSection';
import { fetchFromWindow, useSyncStore } from '../stores/sync-store';
import { accountErrorKey, type AccountErrorKey } from './account-errors';
import { useServerCertificate } from '../hooks/useServerCertificate';
import { InviteForm } from './InviteForm';
import { KeyRotation } from './KeyRotation';
import { ServerCertificate } from './ServerCertificate';
import { MemberActions } from './MemberActions';
import { AdminTable } from './AdminTable';
import { useTimestamp } from '../../../kit/useTimestamp';
import { useMemberNames } from '../../../kit/useMemberNames';
import { NamedId } from '../../../ui/NamedId';

type DeviceStatus = 'active' | 'revoked' | 'expired';
const deviceStatus = (device: DeviceSummary, now: number): DeviceStatus =>
  device.revokedAt !== null ? 'revoked' : device.expiresAt <= now ? 'expired' : 'active';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

const relativeTime = (time: number, now: number, language: string): string => {
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const diff = time - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
};

export function OrganisationSettings() {
  const link = useSyncStore((s) => s.link);
  if (!link || !mayManageOrganisation(link.role)) return null;
  return <OrganisationSection link={link} />;
}

function OrganisationSection({ link }: { readonly link: AccountLink }) {
  const { t } = useTranslation();
  // Read once here: shown to the admin, and carried by every invite made below.
  const certificate = useServerCertificate(link);
  return (
    <FormSection
      title={t('sync.admin.title')}
      description={t('sync.admin.description')}
      icon={<GroupOutlinedIcon />}
    >
      <Stack spacing={3}>
        <MemberList />
        <DeviceList link={link} />
        <ServerCertificate certificate={certificate} />
        <InviteForm link={link} certificate={certificate} />
        <KeyRotation />
      </Stack>
    </FormSection>
  );
}

function DeviceList({ link }: { readonly link: AccountLink }) {
  const { t, i18n } = useTranslation();
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [error, setError] = useState<AccountErrorKey | null>(null);
  const [confirming, setConfirming] = useState<DeviceSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const [generation, setGeneration] = useState(0);
  // Read again after each sync of this device, so its own row never says "Never" once it has synced.
  const syncedAt = useSyncStore((s) => s.status?.lastSyncedAt ?? null);
  const nameOf = useMemberNames();

  useEffect(() => {
    let current = true;
    void listDevices(fetchFromWindow, link).then((listed) => {
      if (!current) return;
      setNow(Date.now());
      if (listed.ok) {
        setDevices([...listed.value].sort((a, b) => a.createdAt - b.createdAt));
        setError(null);
      } else {
        setError(accountErrorKey(listed.error));
      }
    });
    return () => {
      current = false;
    };
  }, [link, generation, syncedAt]);

  const onRevoke = async () => {
    if (!confirming || busy) return;
    setBusy(true);
    try {
      const revoked = await revokeDevice(fetchFromWindow, link, confirming.id);
      if (!revoked.ok) setError(accountErrorKey(revoked.error));
      setConfirming(null);
      setGeneration((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const dateTime = useTimestamp();

  return (
    <AdminTable
      title={t('sync.admin.devices.title')}
      error={error && t(error)}
      loaded={devices !== null}
      loadingLabel={t('sync.admin.devices.loading')}
      columns={[
        t('sync.admin.devices.user'),
        t('sync.admin.devices.device'),
        t('sync.admin.devices.lastSync'),
        t('sync.admin.devices.status'),
        <Typography key="actions" component="span" sx={{ position: 'absolute', left: -10000 }}>
          {t('sync.admin.devices.actions')}
        </Typography>,
      ]}
      after={
        <Dialog
          open={confirming !== null}
          onClose={busy ? undefined : () => setConfirming(null)}
          aria-labelledby="revoke-device-title"
          maxWidth="xs"
        >
          <DialogTitle id="revoke-device-title">{t('sync.admin.revoke.title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {t('sync.admin.revoke.body', { device: confirming ? nameOf.device(confirming.id) : '' })}
            </DialogContentText>
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setConfirming(null)} disabled={busy} autoFocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="error"
              variant="contained"
              onClick={() => void onRevoke()}
              disabled={busy}
              startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {t('sync.admin.revoke.confirm')}
            </Button>
          </DialogActions>
        </Dialog>
      }
    >
      {(devices ?? []).map((device) => {
        const status = deviceStatus(device, now);
        const self = device.id === link.deviceId;
        // The server records a sync at most twice a minute; this device knows its own to the moment.
        const lastSyncAt =
          self && syncedAt !== null ? Math.max(syncedAt, device.lastSyncAt ?? 0) : device.lastSyncAt;
        return (
          <TableRow key={device.id}>
            <TableCell>
              <NamedId name={nameOf.names.users[device.userId]} id={device.userId} />
            </TableCell>
            <TableCell>
              <NamedId name={nameOf.names.devices[device.id]} id={device.id} />
              {self && <Chip size="small" label={t('sync.admin.devices.thisDevice')} sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>
              {lastSyncAt === null ? (
                t('sync.admin.devices.never')
              ) : (
                <time dateTime={new Date(lastSyncAt).toISOString()} title={dateTime(lastSyncAt)}>
                  {relativeTime(lastSyncAt, Math.max(now, lastSyncAt), i18n.language)}
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                    sx={{ display: 'block' }}
                  >
                    {dateTime(lastSyncAt)}
                  </Typography>
                </time>
              )}
            </TableCell>
            <TableCell>{t(`sync.admin.devices.state.${status}`)}</TableCell>
            <TableCell align="right">
              {status !== 'revoked' && !self && (
                <Button color="error" size="small" onClick={() => setConfirming(device)}>
                  {t('sync.admin.devices.revoke')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </AdminTable>
  );
}

/**
 * The organisation's users and whether they can read its data. A newcomer invited from this device gets
 * the organisation key sealed to them by this device as soon as they joined (sync-store.ts).
 */
function MemberList() {
  const { t } = useTranslation();
  const members = useSyncStore((s) => s.members);
  const error = useSyncStore((s) => s.membersError);
  const refresh = useSyncStore((s) => s.refreshMembers);
  const nameOf = useMemberNames();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <AdminTable
      title={t('sync.admin.users.title')}
      error={error && t(accountErrorKey(error))}
      loaded={members !== null}
      loadingLabel={t('sync.admin.users.loading')}
      columns={[
        t('sync.admin.users.user'),
        t('sync.admin.users.role'),
        t('sync.admin.users.status'),
        t('sync.admin.users.actions'),
      ]}
    >
      {(members ?? []).map((member) => (
        <TableRow key={member.id}>
          <TableCell>
            <NamedId name={nameOf.names.users[member.id]} id={member.id} />
          </TableCell>
          <TableCell>{t(`sync.admin.roles.${member.role}.name`)}</TableCell>
          <TableCell>
            {member.status !== 'active' ? (
              t(`sync.admin.users.${member.status}`)
            ) : member.state === 'key-mismatch' ? (
              <Typography component="span" color="error" variant="body2">
                {t('sync.admin.users.state.key-mismatch')}
              </Typography>
            ) : (
              t(`sync.admin.users.state.${member.state}`)
            )}
          </TableCell>
          <TableCell>
            <MemberActions member={member} />
          </TableCell>
        </TableRow>
      ))}
    </AdminTable>
  );
}
