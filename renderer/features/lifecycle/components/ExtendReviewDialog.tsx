// Extends a retention review: the data is kept until a new date, for a reason the DPO can show an auditor.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { DateField } from '../../../ui/forms/DateField';

interface Props {
  readonly open: boolean;
  readonly onConfirm: (until: number, reason: string) => Promise<void>;
  readonly onClose: () => void;
}

const inAYear = (): string => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

export function ExtendReviewDialog({ open, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(inAYear);
  const [touched, setTouched] = useState(false);
  const [badDate, setBadDate] = useState(false);
  const badReason = reason.trim().length === 0;
  const submit = async () => {
    const time = Date.parse(`${until}T00:00:00Z`);
    const past = !Number.isFinite(time) || time <= Date.now();
    setTouched(true);
    setBadDate(past);
    refuseIf(past || badReason);
    await onConfirm(time, reason.trim());
  };
  return (
    <FormDialog
      open={open}
      id="extend"
      title={t('retention.extend.title')}
      submitLabel={t('retention.actions.extend')}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextField
        label={t('retention.extend.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        multiline
        minRows={2}
        required
        error={touched && badReason}
        helperText={
          touched && badReason ? t('retention.extend.reasonRequired') : t('retention.extend.reasonHelp')
        }
      />
      <DateField
        label={t('retention.extend.until')}
        value={until}
        onChange={setUntil}
        required
        error={touched && badDate}
        helperText={touched && badDate ? t('retention.extend.untilFuture') : undefined}
      />
    </FormDialog>
  );
}
