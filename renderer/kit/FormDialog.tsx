// The one dialog for a form: title, fields, Cancel and a submit button that shows progress. Submitting
// runs `onSubmit`; while it runs the dialog cannot be closed or submitted again; when it resolves the
// dialog closes; when it throws, the error is shown in the dialog (as `errorText` words it) and nothing
// closes, so what the user typed is kept. A check the form makes itself throws a FormProblem, whose
// message is shown as it is.
import { useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { useBusy } from './useOperation';

/** A refusal worded for the user (e.g. a date in the future): the dialog shows its message as it is. */
export class FormProblem extends Error {}

/**
 * Throws a FormProblem when `failed` holds; for a form's own checks before it saves. Without a message
 * the dialog shows no alert: the fields say what is wrong.
 */
export function refuseIf(failed: unknown, message = ''): void {
  if (failed) throw new FormProblem(message);
}

export interface FormDialogProps {
  readonly open: boolean;
  readonly title: ReactNode;
  /** Text above the fields saying what the dialog does. */
  readonly intro?: ReactNode;
  readonly children?: ReactNode;
  /** Resolves when done (the dialog then closes); throws to keep it open with an error. */
  readonly onSubmit: () => Promise<unknown>;
  readonly onClose: () => void;
  /** The submit button's text; "Save" by default. */
  readonly submitLabel?: ReactNode;
  /** Words an error for the user; return null when the form shows it itself (e.g. next to fields). */
  readonly errorText?: (error: unknown) => string | null;
  /** False while the form cannot be submitted yet (e.g. a required field is empty). */
  readonly canSubmit?: boolean;
  readonly maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
  /** A destructive action: the submit button is red. */
  readonly destructive?: boolean;
  /** The submit button's colour where it is neither plain nor destructive (e.g. 'warning'). */
  readonly submitColor?: 'primary' | 'warning' | 'error';
  /** A problem found outside submitting (e.g. a file that could not be read), shown where errors are. */
  readonly error?: string | null;
  /** Extra controls at the left of the actions (e.g. Delete in an edit dialog). */
  readonly secondaryActions?: ReactNode;
  /** Test and screen-reader id prefix; the title gets `${id}-title`. */
  readonly id?: string;
}

export function FormDialog({
  open,
  title,
  intro,
  children,
  onSubmit,
  onClose,
  submitLabel,
  errorText,
  canSubmit = true,
  maxWidth = 'sm',
  destructive = false,
  submitColor,
  error = null,
  secondaryActions,
  id = 'form-dialog',
}: FormDialogProps) {
  const { t } = useTranslation();
  const { busy, during } = useBusy();
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !canSubmit) return;
    setMessage(null);
    try {
      await during(onSubmit);
      onClose();
    } catch (failure) {
      if (failure instanceof FormProblem) setMessage(failure.message || null);
      else setMessage(errorText ? errorText(failure) : t('common.saveFailed'));
    }
  };

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      maxWidth={maxWidth}
      fullWidth
      aria-labelledby={`${id}-title`}
      slotProps={{ paper: { component: 'form', onSubmit: submit, noValidate: true } as object }}
    >
      <DialogTitle id={`${id}-title`}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {intro && <DialogContentText component="div">{intro}</DialogContentText>}
          {children}
          {(message ?? error) && (
            <Alert severity="error" role="alert">
              {message ?? error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {secondaryActions}
        <Button onClick={onClose} disabled={busy} sx={secondaryActions ? { ml: 'auto' } : undefined}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="contained"
          color={submitColor ?? (destructive ? 'error' : 'primary')}
          disabled={busy || !canSubmit}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {submitLabel ?? t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export interface ConfirmDialogProps extends Omit<FormDialogProps, 'onSubmit' | 'submitLabel' | 'maxWidth'> {
  readonly confirmLabel: ReactNode;
  readonly onConfirm: () => Promise<unknown>;
}

/** Asks before an action; the confirm button runs it with the same busy and error handling. */
export function ConfirmDialog({ confirmLabel, onConfirm, ...rest }: ConfirmDialogProps) {
  return <FormDialog {...rest} maxWidth="xs" submitLabel={confirmLabel} onSubmit={onConfirm} />;
}
