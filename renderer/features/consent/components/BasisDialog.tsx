// Records which lawful basis applies to this person for one purpose (e.g. contract once they become a
// customer), with a note saying why. The entry is added to the basis ledger; the newest one applies.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import { LawfulBasisField } from './LawfulBasisField';
import { recordBasis } from '../../../../shared/purposes';
import type { LawfulBasis } from '../../../../shared/purposes';

interface Props {
  readonly personId: string;
  readonly purposeId: string;
  readonly purposeName: string;
  readonly current: LawfulBasis | null;
  readonly onClose: () => void;
}

export function BasisDialog({ personId, purposeId, purposeName, current, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const actor = useActor();
  const [basis, setBasis] = useState<LawfulBasis | ''>(current ?? '');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      await recordBasis(session, actor, personId, { purposeId, basis: basis || null, note: note.trim() });
      notify(t('consent.basis.saved'));
      onClose();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="basis-dialog-title" fullWidth>
      <form onSubmit={(e) => void submit(e)}>
        <DialogTitle id="basis-dialog-title">
          {t('consent.basis.title', { purpose: purposeName })}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t('consent.basis.intro')}</DialogContentText>
            {failed && (
              <Alert severity="error" role="alert">
                {t('consent.actionFailed')}
              </Alert>
            )}
            <LawfulBasisField value={basis} onChange={setBasis} allowNone />
            <TextField
              label={t('consent.basis.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              helperText={t('consent.basis.noteHelp')}
              multiline
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
