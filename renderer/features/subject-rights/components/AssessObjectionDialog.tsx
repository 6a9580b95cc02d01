// The decision on an objection to legitimate-interest processing (Art. 21(1)): the person's grounds, the
// company's compelling grounds, and the outcome. Overriding needs the compelling grounds; the dialog
// names what is missing and stores nothing until the decision is complete.
import { useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import {
  assessObjection,
  ObjectionAssessmentError,
  type ObjectionAssessment,
} from '../../../../shared/objection';
import { ValidationError } from '../../../../shared/store';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { ConsentMethodField } from '../../consent/components/ConsentMethodField';
import { useActor } from '../../consent/hooks/useActor';
import { useWorkspace } from '../../../kit/workspace';
import { RequestField } from './RequestField';
import type { ConsentMethod } from '../../../../shared/purposes';

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
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const [personGrounds, setPersonGrounds] = useState(initialGrounds);
  const [compellingGrounds, setCompellingGrounds] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('upheld');
  const [method, setMethod] = useState<ConsentMethod>('email');
  const [requestId, setRequestId] = useState<string | null>(null);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());

  const confirm = async () => {
    await assessObjection(session, workspaceActor, {
      recordedBy: actor,
      personId,
      purposeId,
      personGrounds,
      compellingGrounds,
      outcome,
      method,
      requestId,
    });
    notify(t(`subjectRights.objection.decided.${outcome}`));
  };

  const errorText = (e: unknown): string => {
    if (e instanceof ValidationError) {
      setMissing(new Set(e.issues.map((i) => i.path.split('.').pop() ?? '')));
      return t('subjectRights.objection.incomplete');
    }
    if (e instanceof ObjectionAssessmentError) return t(`subjectRights.objection.refused.${e.code}`);
    return t('subjectRights.actionFailed');
  };

  return (
    <FormDialog
      open
      id="assess"
      title={t('subjectRights.objection.title', { purpose: purposeName })}
      intro={t('subjectRights.objection.body')}
      submitLabel={t('subjectRights.objection.decide')}
      onSubmit={confirm}
      errorText={errorText}
      onClose={onClose}
    >
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
      <ConsentMethodField value={method} onChange={setMethod} />
      <RequestField subjectId={personId} rights={['objection']} value={requestId} onChange={setRequestId} />
    </FormDialog>
  );
}
