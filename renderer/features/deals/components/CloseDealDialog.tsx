// Asks why a deal was won or lost before it moves to a won or lost stage: the reason is required.
import { useState, type FormEvent } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/deals';
import { SubmitButton } from '../../../ui/SubmitButton';

interface Props {
  readonly title: string;
  readonly stage: Stage & { kind: 'won' | 'lost' };
  readonly initialReason: string;
  readonly onConfirm: (reason: string) => Promise<void>;
  readonly onClose: () => void;
}

export function CloseDealDialog({ title, stage, initialReason, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState(initialReason);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = !reason.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missing) return;
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="close-deal-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="close-deal-title">
          {t(stage.kind === 'won' ? 'deals.close.wonTitle' : 'deals.close.lostTitle', { title })}
        </DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="dense"
            label={t('deals.fields.reason')}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
            error={touched && missing}
            helperText={
              touched && missing
                ? t('deals.errors.reason')
                : t(stage.kind === 'won' ? 'deals.close.wonHelp' : 'deals.close.lostHelp')
            }
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('deals.close.confirm')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
