// Extends a retention review: the data is kept until a new date, for a reason the DPO can show an auditor.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly open: boolean;
  readonly busy: boolean;
  readonly onConfirm: (until: number, reason: string) => void;
  readonly onClose: () => void;
}

const inAYear = (): string => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

export function ExtendReviewDialog({ open, busy, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(inAYear);
  const [touched, setTouched] = useState(false);
  const [badDate, setBadDate] = useState(false);
  const badReason = reason.trim().length === 0;
  const submit = () => {
    const time = Date.parse(`${until}T00:00:00Z`);
    const past = !Number.isFinite(time) || time <= Date.now();
    setTouched(true);
    setBadDate(past);
    if (!past && !badReason) onConfirm(time, reason.trim());
  };
  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby="extend-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="extend-title">{t('retention.extend.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={t('retention.extend.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            multiline
            minRows={2}
            required
            error={touched && badReason}
            helperText={
              touched && badReason ? t('retention.extend.reasonRequired') : t('retention.extend.reasonHelp')
            }
          />
          <TextField
            label={t('retention.extend.until')}
            type="date"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            required
            error={touched && badDate}
            helperText={touched && badDate ? t('retention.extend.untilFuture') : undefined}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('retention.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy}>
          {t('retention.actions.extend')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
