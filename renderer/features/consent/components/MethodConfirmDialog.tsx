// One confirmation for a one-step ledger action — withdrawing consent, recording or lifting an objection,
// unsubscribing: the person's request arrived by some method, which is recorded with it.
import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { CONSENT_METHODS, type ConsentMethod } from '../../../../shared/purposes';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly color?: 'primary' | 'warning' | 'error';
  /** Ask for a note (e.g. the grounds of an objection). */
  readonly noteLabel?: string;
  readonly onConfirm: (method: ConsentMethod, note: string) => Promise<void>;
  readonly onClose: () => void;
}

export function MethodConfirmDialog({
  title,
  children,
  confirmLabel,
  color = 'primary',
  noteLabel,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<ConsentMethod>('email');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await onConfirm(method, note.trim());
      onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="method-confirm-title" maxWidth="xs">
      <DialogTitle id="method-confirm-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText component="div">{children}</DialogContentText>
          {failed && (
            <Alert severity="error" role="alert">
              {t('consent.actionFailed')}
            </Alert>
          )}
          <TextField
            select
            label={t('consent.confirm.method')}
            value={method}
            onChange={(e) => setMethod(e.target.value as ConsentMethod)}
          >
            {CONSENT_METHODS.map((m) => (
              <MenuItem key={m} value={m}>
                {t(`consent.methods.${m}`)}
              </MenuItem>
            ))}
          </TextField>
          {noteLabel && (
            <TextField label={noteLabel} value={note} onChange={(e) => setNote(e.target.value)} multiline />
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color={color}
          onClick={() => void confirm()}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
