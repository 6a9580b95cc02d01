// Subscribing a person to a list, or recording that they confirmed a double opt-in: how the request came
// in, and evidence (required when they had unsubscribed: only their own request lifts that).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { SELF_REQUEST_ORIGINS, type SubscriptionOrigin } from '../../../../shared/consent';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { SelectField } from '../../../ui/forms/SelectField';

interface Props {
  readonly title: string;
  readonly needsEvidence: boolean;
  readonly doubleOptIn: boolean;
  readonly onConfirm: (
    origin: SubscriptionOrigin,
    evidence: { text: string; reference: string },
  ) => Promise<void>;
  readonly onClose: () => void;
}

export function SubscribeDialog({ title, needsEvidence, doubleOptIn, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [origin, setOrigin] = useState<SubscriptionOrigin>('manual');
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const submit = async () => {
    refuseIf(
      needsEvidence && origin === 'manual' && !text.trim() && !reference.trim(),
      t('consent.subscriptions.evidenceRequired'),
    );
    await onConfirm(origin, { text: text.trim(), reference: reference.trim() });
  };
  return (
    <FormDialog
      open
      id="subscribe"
      title={title}
      maxWidth="xs"
      onSubmit={submit}
      errorText={() => t('consent.actionFailed')}
      onClose={onClose}
    >
      {needsEvidence && <Alert severity="info">{t('consent.subscriptions.wasUnsubscribed')}</Alert>}
      {doubleOptIn && <Alert severity="info">{t('consent.subscriptions.pendingExplained')}</Alert>}
      <SelectField
        label={t('consent.subscriptions.origin')}
        value={origin}
        onChange={setOrigin}
        options={SELF_REQUEST_ORIGINS}
        labelOf={(o) => t(`consent.subscriptions.origins.${o}`)}
      />
      <TextField
        label={t('consent.record.evidenceText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        multiline
      />
      <TextField
        label={t('consent.record.evidenceReference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
    </FormDialog>
  );
}
