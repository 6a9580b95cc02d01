// Asks why a deal was won or lost before it moves to a won or lost stage: the reason is required.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/deals';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';

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
  const missing = !reason.trim();
  const submit = async () => {
    setTouched(true);
    refuseIf(missing);
    await onConfirm(reason.trim());
  };
  return (
    <FormDialog
      open
      id="close-deal"
      title={t(stage.kind === 'won' ? 'deals.close.wonTitle' : 'deals.close.lostTitle', { title })}
      submitLabel={t('deals.close.confirm')}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        autoFocus
        fullWidth
        multiline
        minRows={2}
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
    </FormDialog>
  );
}
