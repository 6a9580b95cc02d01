// A form's unsaved changes kept from being lost without a word: while `dirty`, leaving the screen (a
// link, the sidebar, back, closing the window) asks first — Keep editing, Discard changes or Save — and
// the form shows a bar saying it has changes, with Discard and Save beside it.
import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useTranslation } from 'react-i18next';
import { discardAndLeave, guardLeaving, keepEditing, saveAndLeave, useLeaveStore } from './unsaved-changes';

interface GuardProps {
  readonly dirty: boolean;
  /** Saves the form, then goes to `hash` (the address the user asked for) once stored. */
  readonly onSave: (hash: string) => void;
}

/** Guards leaving while `dirty`, and asks with the dialog when the user tries. */
export function UnsavedChangesGuard({ dirty, onSave }: GuardProps) {
  const { t } = useTranslation();
  const save = useRef(onSave);
  useEffect(() => {
    save.current = onSave;
  });
  useEffect(() => {
    if (!dirty) return;
    guardLeaving({ save: (hash) => save.current(hash) });
    return () => guardLeaving(null);
  }, [dirty]);
  const pending = useLeaveStore((s) => s.pending);
  return (
    <Dialog
      open={dirty && pending !== null}
      onClose={keepEditing}
      maxWidth="xs"
      fullWidth
      aria-labelledby="unsaved-changes-title"
      aria-describedby="unsaved-changes-text"
    >
      <DialogTitle id="unsaved-changes-title">{t('unsaved.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="unsaved-changes-text">{t('unsaved.body')}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={keepEditing} autoFocus>
          {t('unsaved.keep')}
        </Button>
        <Button color="error" onClick={discardAndLeave}>
          {t('unsaved.discard')}
        </Button>
        <Button variant="contained" onClick={saveAndLeave}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

interface BarProps {
  readonly onDiscard: () => void;
  /** Disables the buttons while a save runs. */
  readonly busy?: boolean;
}

/**
 * The line a form shows while it has changes: kept in view at the bottom of the screen, with Discard
 * (back to what is stored) and Save (the form's own submit button).
 */
export function UnsavedChangesBar({ onDiscard, busy = false }: BarProps) {
  const { t } = useTranslation();
  return (
    <Box
      role="region"
      aria-label={t('unsaved.bar')}
      sx={{
        position: 'sticky',
        bottom: 0,
        zIndex: 2,
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        flexWrap: 'wrap',
        px: 2,
        py: 1.25,
        borderRadius: 2,
        border: 1,
        borderColor: 'warning.main',
        bgcolor: 'background.paper',
        boxShadow: 3,
      }}
    >
      <Box role="status" sx={{ flex: 1, minWidth: 180, fontWeight: 600 }}>
        {t('unsaved.status')}
      </Box>
      <Button onClick={onDiscard} disabled={busy}>
        {t('unsaved.discard')}
      </Button>
      <Button type="submit" variant="contained" disabled={busy}>
        {t('unsaved.save')}
      </Button>
    </Box>
  );
}
