// Subscribing a person to a list, or recording that they confirmed a double opt-in: how the request came
// in, and evidence (required when they had unsubscribed: only their own request lifts that).
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { SELF_REQUEST_ORIGINS, type SubscriptionOrigin } from '../../../../shared/consent';
import { SubmitButton } from '../../../ui/SubmitButton';

interface Props {
  readonly title: string;
  readonly needsEvidence: boolean;
  readonly doubleOptIn: boolean;
  readonly onConfirm: (
    origin: SubscriptionOrigin,
    evidence: { text: string; reference: string },
  ) => Promise<void>;
  readonly onClose: () => void;
}

export function SubscribeDialog({ title, needsEvidence, doubleOptIn, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState<SubscriptionOrigin>('manual');
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsEvidence && origin === 'manual' && !text.trim() && !reference.trim())
      return setError(t('consent.subscriptions.evidenceRequired'));
    setBusy(true);
    setError(null);
    try {
      await onConfirm(origin, { text: text.trim(), reference: reference.trim() });
      onClose();
    } catch {
      setError(t('consent.actionFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="subscribe-title"
      maxWidth="xs"
      fullWidth
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="subscribe-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {needsEvidence && <Alert severity="info">{t('consent.subscriptions.wasUnsubscribed')}</Alert>}
            {doubleOptIn && <Alert severity="info">{t('consent.subscriptions.pendingExplained')}</Alert>}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              select
              label={t('consent.subscriptions.origin')}
              value={origin}
              onChange={(e) => setOrigin(e.target.value as SubscriptionOrigin)}
            >
              {SELF_REQUEST_ORIGINS.map((o) => (
                <MenuItem key={o} value={o}>
                  {t(`consent.subscriptions.origins.${o}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('consent.record.evidenceText')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
            />
            <TextField
              label={t('consent.record.evidenceReference')}
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
