// The decision on an objection to legitimate-interest processing (Art. 21(1)): the person's grounds, the
// company's compelling grounds, and the outcome. Overriding needs the compelling grounds; the dialog
// names what is missing and stores nothing until the decision is complete.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import {
  assessObjection,
  ObjectionAssessmentError,
  type ObjectionAssessment,
} from '../../../../shared/objection';
import { ValidationError } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { useActor } from '../../consent/hooks/useActor';
import { useWorkspace } from '../../../kit/workspace';
import { RequestField } from './RequestField';
import { CONSENT_METHODS, type ConsentMethod } from '../../../../shared/purposes';

interface Props {
  readonly personId: string;
  readonly purposeId: string;
  readonly purposeName: string;
  /** The grounds recorded with the objection, to start from. */
  readonly initialGrounds: string;
  readonly onClose: () => void;
}

type Outcome = ObjectionAssessment['outcome'];

export function AssessObjectionDialog({ personId, purposeId, purposeName, initialGrounds, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const actor = useActor();
  const [personGrounds, setPersonGrounds] = useState(initialGrounds);
  const [compellingGrounds, setCompellingGrounds] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const [method, setMethod] = useState<ConsentMethod>('email');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await assessObjection(session, actor, personId, {
        purposeId,
        personGrounds,
        compellingGrounds,
        outcome,
        method,
        requestId,
      });
      notify(t(`subjectRights.objection.decided.${outcome}`));
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) {
        const fields = new Set(e.issues.map((i) => i.path.split('.').pop() ?? ''));
        setMissing(fields);
        setError(t('subjectRights.objection.incomplete'));
      } else if (e instanceof ObjectionAssessmentError)
        setError(t(`subjectRights.objection.refused.${e.code}`));
      else setError(t('subjectRights.actionFailed'));
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="assess-title" maxWidth="sm" fullWidth>
      <DialogTitle id="assess-title">
        {t('subjectRights.objection.title', { purpose: purposeName })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <DialogContentText>{t('subjectRights.objection.body')}</DialogContentText>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <TextField
            label={t('subjectRights.objection.personGrounds')}
            value={personGrounds}
            onChange={(e) => setPersonGrounds(e.target.value)}
            error={missing.has('personGrounds')}
            required
            multiline
            minRows={2}
          />
          <RadioGroup
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
            aria-label={t('subjectRights.objection.outcome')}
          >
            <FormControlLabel
              value="upheld"
              control={<Radio />}
              label={t('subjectRights.objection.outcomes.upheld')}
            />
            <FormControlLabel
              value="overridden"
              control={<Radio />}
              label={t('subjectRights.objection.outcomes.overridden')}
            />
          </RadioGroup>
          {outcome === 'overridden' && (
            <TextField
              label={t('subjectRights.objection.compellingGrounds')}
              value={compellingGrounds}
              onChange={(e) => setCompellingGrounds(e.target.value)}
              error={missing.has('compellingGrounds')}
              helperText={t('subjectRights.objection.compellingHelp')}
              required
              multiline
              minRows={3}
            />
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
          <RequestField
            subjectId={personId}
            rights={['objection']}
            value={requestId}
            onChange={setRequestId}
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void confirm()}
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {t('subjectRights.objection.decide')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
