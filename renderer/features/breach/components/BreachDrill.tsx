// The lost-device drill, one guided flow: choose the device, revoke it at once, learn from the server
// which documents it held at its last sync, map them to people and kinds of data here (the server never
// can), record how the device kept its key, and pre-fill the breach. Minutes, not hours.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatInstant, hostTimeZone } from '../../../../shared/breach';
import { fetchExposure, mapExposure, recordDrillBreach, type DrillFindings } from '../../../../shared/breach';
import type { AccountLink } from '../../../../shared/sync';
import { listDevices, revokeDevice } from '../../../../shared/sync';
import type { DeviceExposureResponse, DeviceSummary } from '../../../../shared/sync';
import { navigate } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { PageHeader } from '../../../ui/PageHeader';
import { accountErrorKey, type AccountErrorKey } from '../../sync/components/account-errors';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useWorkspace } from '../../../kit/workspace';
import { useMemberNames } from '../../../kit/useMemberNames';
import { DrillFindingsView } from './DrillFindingsView';

interface Found {
  readonly exposure: DeviceExposureResponse;
  readonly findings: DrillFindings;
}

export function BreachDrill() {
  const { t } = useTranslation();
  const link = useSyncStore((s) => s.link);
  return (
    <Box>
      <PageHeader title={t('breach.drill.title')} subtitle={t('breach.drill.subtitle')} />
      {link ? <DrillSteps link={link} /> : <Alert severity="info">{t('breach.drill.notLinked')}</Alert>}
    </Box>
  );
}

function DrillSteps({ link }: { readonly link: AccountLink }) {
  const { t, i18n } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const zone = hostTimeZone();
  // The drill's start is when the company became aware, unless the admin says otherwise later.
  const [startedAt] = useState(() => Date.now());
  const [devices, setDevices] = useState<DeviceSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AccountErrorKey | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  // The admin's answer, never a default: "passphrase only" supports the Art. 34(3)(a) exemption.
  const [keyProtection, setKeyProtection] = useState<'passphrase_only' | 'keychain' | 'unknown' | null>(null);
  const nameOf = useMemberNames();

  useEffect(() => {
    let current = true;
    void listDevices(fetchFromWindow, link).then((reply) => {
      if (!current) return;
      if (reply.ok) setDevices(reply.value.filter((d) => d.id !== link.deviceId));
      else setError(accountErrorKey(reply.error));
    });
    return () => {
      current = false;
    };
  }, [link]);

  const device = devices?.find((d) => d.id === chosen) ?? null;

  const revokeAndMap = async () => {
    if (!device) return;
    setBusy(true);
    setError(null);
    try {
      if (device.revokedAt === null) {
        const revoked = await revokeDevice(fetchFromWindow, link, device.id);
        if (!revoked.ok) return setError(accountErrorKey(revoked.error));
      }
      const exposure = await fetchExposure(fetchFromWindow, link, device.id);
      if (!exposure.ok) return setError(accountErrorKey(exposure.error));
      setFound({ exposure: exposure.value, findings: await mapExposure(session, exposure.value) });
    } finally {
      setConfirming(false);
      setBusy(false);
    }
  };

  const createBreach = async () => {
    if (!found || !keyProtection) return;
    setBusy(true);
    try {
      const stored = await recordDrillBreach(session, actor, {
        ...found,
        keyProtection,
        awareAt: startedAt,
        now: Date.now(),
        userId: link.userId,
        title: t('names.drill.breachTitle', {
          device: nameOf.device(found.exposure.deviceId),
          user: nameOf.user(found.exposure.userId),
        }),
      });
      navigate({ name: 'breach', id: stored.id });
    } catch {
      notify(t('breach.form.saveFailed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (found) {
    return (
      <Stack spacing={2.5}>
        <Alert severity="success">
          {t('breach.drill.revoked', { device: nameOf.device(found.exposure.deviceId) })}
        </Alert>
        <DrillFindingsView figures={found.findings.figures} />
        <Box>
          <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
            {t('breach.drill.keyQuestion')}
          </Typography>
          <RadioGroup
            value={keyProtection ?? ''}
            onChange={(e) => setKeyProtection(e.target.value as NonNullable<typeof keyProtection>)}
            aria-label={t('breach.drill.keyQuestion')}
            aria-required
          >
            {(['passphrase_only', 'keychain', 'unknown'] as const).map((k) => (
              <FormControlLabel
                key={k}
                value={k}
                control={<Radio />}
                label={t(`breach.keyProtection.${k}`)}
              />
            ))}
          </RadioGroup>
          <Typography variant="body2" color="text.secondary">
            {t('breach.drill.keyHelp')}
          </Typography>
        </Box>
        <Box>
          <Button
            variant="contained"
            disabled={busy || !keyProtection}
            aria-describedby={keyProtection ? undefined : 'drill-answer-first'}
            onClick={() => void createBreach()}
          >
            {t('breach.drill.create')}
          </Button>
          {!keyProtection && (
            <Typography id="drill-answer-first" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('names.drill.answerFirst')}
            </Typography>
          )}
        </Box>
      </Stack>
    );
  }

  return (
    <Stack spacing={2}>
      {error && (
        <Alert severity="error" role="alert">
          {t(error)}
        </Alert>
      )}
      <Typography variant="h2" sx={{ fontSize: '1.1rem' }}>
        {t('breach.drill.chooseDevice')}
      </Typography>
      {devices === null && !error && <CircularProgress size={24} aria-label={t('breach.loading')} />}
      {devices?.length === 0 && <Alert severity="info">{t('breach.drill.noDevices')}</Alert>}
      {devices && devices.length > 0 && (
        <RadioGroup
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          aria-label={t('breach.drill.chooseDevice')}
        >
          {devices.map((d) => (
            <FormControlLabel
              key={d.id}
              value={d.id}
              control={<Radio />}
              label={t('names.drill.deviceLine', {
                user: nameOf.user(d.userId),
                device: nameOf.device(d.id),
                last:
                  d.lastSyncAt === null
                    ? t('breach.drill.never')
                    : formatInstant(d.lastSyncAt, language, zone),
              })}
            />
          ))}
        </RadioGroup>
      )}
      <Box>
        <Button
          variant="contained"
          color="error"
          disabled={!device || busy}
          onClick={() => setConfirming(true)}
        >
          {t('breach.drill.revoke')}
        </Button>
      </Box>
      <Dialog open={confirming} onClose={() => !busy && setConfirming(false)}>
        <DialogTitle>{t('breach.drill.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t('breach.drill.confirmText', { device: device ? nameOf.device(device.id) : '' })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} disabled={busy}>
            {t('breach.cancel')}
          </Button>
          <Button color="error" variant="contained" disabled={busy} onClick={() => void revokeAndMap()}>
            {t('breach.drill.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
