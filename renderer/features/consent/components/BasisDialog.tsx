// Records which lawful basis applies to this person for one purpose (e.g. contract once they become a
// customer), with a note saying why. The entry is added to the basis ledger; the newest one applies.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
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
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const [basis, setBasis] = useState<LawfulBasis | ''>(current ?? '');
  const [note, setNote] = useState('');
  const submit = async () => {
    await recordBasis(session, workspaceActor, {
      recordedBy: actor,
      personId,
      purposeId,
      basis: basis || null,
      note: note.trim(),
    });
    notify(t('consent.basis.saved'));
  };
  return (
    <FormDialog
      open
      id="basis-dialog"
      title={t('consent.basis.title', { purpose: purposeName })}
      intro={t('consent.basis.intro')}
      onSubmit={submit}
      errorText={() => t('consent.actionFailed')}
      onClose={onClose}
    >
      <LawfulBasisField value={basis} onChange={setBasis} allowNone />
      <TextField
        label={t('consent.basis.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        helperText={t('consent.basis.noteHelp')}
        multiline
      />
    </FormDialog>
  );
}
