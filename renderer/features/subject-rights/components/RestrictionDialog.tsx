// Records a restriction of processing (Art. 18) — its ground, the fields the person asked to have changed
// meanwhile (all others become read-only), the request it answers — or lifts it.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../kit/notification-store';
import { useActor } from '../../consent/hooks/useActor';
import { useWorkspace } from '../../../kit/workspace';
import { fieldLabel, PERSON_FIELDS } from '../field-labels';
import { RequestField } from './RequestField';
import {
  recordRestriction,
  RESTRICTION_REASONS,
  type RestrictionPayload,
} from '../../../../shared/restriction';

type Reason = RestrictionPayload['reason'];

interface Props {
  readonly personId: string;
  readonly mode: 'restrict' | 'lift';
  /** The reason in force, kept on the lifting entry. */
  readonly currentReason?: Reason;
  readonly onClose: () => void;
}

export function RestrictionDialog({ personId, mode, currentReason, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const actor = useActor();
  const [reason, setReason] = useState<Reason>(currentReason ?? 'accuracy_contested');
  const [editable, setEditable] = useState<string[]>([]);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const restrict = mode === 'restrict';

  const toggle = (field: string) =>
    setEditable((list) => (list.includes(field) ? list.filter((f) => f !== field) : [...list, field]));

  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await recordRestriction(session, actor, personId, {
        type: restrict ? 'restricted' : 'lifted',
        reason,
        requestId,
        note: note.trim(),
        ...(restrict ? { editableFields: PERSON_FIELDS.filter((f) => editable.includes(f)) } : {}),
      });
      notify(t(restrict ? 'subjectRights.restriction.recorded' : 'subjectRights.restriction.lifted'));
      onClose();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="restriction-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="restriction-title">
        {t(restrict ? 'subjectRights.restriction.recordTitle' : 'subjectRights.restriction.liftTitle')}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <DialogContentText>
            {t(restrict ? 'subjectRights.restriction.recordBody' : 'subjectRights.restriction.liftBody')}
          </DialogContentText>
          {failed && (
            <Alert severity="error" role="alert">
              {t('subjectRights.actionFailed')}
            </Alert>
          )}
          {restrict && (
            <TextField
              select
              label={t('subjectRights.restriction.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value as Reason)}
            >
              {RESTRICTION_REASONS.map((r) => (
                <MenuItem key={r} value={r}>
                  {t(`subjectRights.restriction.reasons.${r}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {restrict && (
            <FormGroup aria-labelledby="restriction-editable">
              <FormLabel id="restriction-editable">{t('subjectRights.restriction.editable')}</FormLabel>
              <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2 }}>
                {PERSON_FIELDS.map((field) => (
                  <FormControlLabel
                    key={field}
                    control={<Checkbox checked={editable.includes(field)} onChange={() => toggle(field)} />}
                    label={fieldLabel(t, field)}
                  />
                ))}
              </Stack>
            </FormGroup>
          )}
          <RequestField
            subjectId={personId}
            rights={['restriction']}
            value={requestId}
            onChange={setRequestId}
          />
          <TextField
            label={t('subjectRights.restriction.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            multiline
            minRows={2}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          color={restrict ? 'warning' : 'primary'}
          onClick={() => void confirm()}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {t(restrict ? 'subjectRights.restriction.record' : 'subjectRights.restriction.lift')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
