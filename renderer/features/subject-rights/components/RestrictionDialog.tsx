// Records a restriction of processing (Art. 18) — its ground, the fields the person asked to have changed
// meanwhile (all others become read-only), the request it answers — or lifts it.
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { SelectField } from '../../../ui/forms/SelectField';
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
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const [reason, setReason] = useState<Reason>(currentReason ?? 'accuracy_contested');
  const [editable, setEditable] = useState<string[]>([]);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const restrict = mode === 'restrict';

  const toggle = (field: string) =>
    setEditable((list) => (list.includes(field) ? list.filter((f) => f !== field) : [...list, field]));

  const confirm = async () => {
    await recordRestriction(session, workspaceActor, {
      recordedBy: actor,
      personId,
      type: restrict ? 'restricted' : 'lifted',
      reason,
      requestId,
      note: note.trim(),
      ...(restrict ? { editableFields: PERSON_FIELDS.filter((f) => editable.includes(f)) } : {}),
    });
    notify(t(restrict ? 'subjectRights.restriction.recorded' : 'subjectRights.restriction.lifted'));
  };

  return (
    <FormDialog
      open
      id="restriction"
      title={t(restrict ? 'subjectRights.restriction.recordTitle' : 'subjectRights.restriction.liftTitle')}
      intro={t(restrict ? 'subjectRights.restriction.recordBody' : 'subjectRights.restriction.liftBody')}
      submitLabel={t(restrict ? 'subjectRights.restriction.record' : 'subjectRights.restriction.lift')}
      submitColor={restrict ? 'warning' : 'primary'}
      onSubmit={confirm}
      errorText={() => t('subjectRights.actionFailed')}
      onClose={onClose}
    >
      {restrict && (
        <SelectField
          label={t('subjectRights.restriction.reason')}
          value={reason}
          onChange={setReason}
          options={RESTRICTION_REASONS}
          labelOf={(r) => t(`subjectRights.restriction.reasons.${r}`)}
        />
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
      <RequestField subjectId={personId} rights={['restriction']} value={requestId} onChange={setRequestId} />
      <TextField
        label={t('subjectRights.restriction.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        multiline
        minRows={2}
      />
    </FormDialog>
  );
}
