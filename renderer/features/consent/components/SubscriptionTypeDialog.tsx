// Adds or edits a subscription type: its name and description in both languages, the purpose it serves,
// and whether subscribing needs the person's confirmation (double opt-in).
import { useState } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { saveSubscriptionType, type SubscriptionTypePayload } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import type { Setting } from '../../../../shared/store';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { PurposeField } from './PurposeField';
import { useWorkspace } from '../../../kit/workspace';
import { type PurposePayload } from '../../../../shared/purposes';

interface Props {
  readonly type: Setting<SubscriptionTypePayload> | null;
  readonly purposes: readonly Setting<PurposePayload>[];
  readonly onClose: () => void;
}

export function SubscriptionTypeDialog({ type, purposes, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const [draft, setDraft] = useState<SubscriptionTypePayload>(
    type?.data ?? {
      name: { en: '', nl: '' },
      description: { en: '', nl: '' },
      purposeId: purposes.find((p) => p.data.lawfulBasis === 'consent')?.id ?? purposes[0]?.id ?? '',
      doubleOptIn: true,
      active: true,
    },
  );
  const submit = async () => {
    await saveSubscriptionType(session, actor, { id: type?.id ?? null, input: draft });
    notify(t('consent.subscriptionTypes.saved'));
  };
  const pair = (field: 'name' | 'description') => (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {(['en', 'nl'] as const).map((lang) => (
        <TextField
          key={lang}
          label={`${t(`consent.subscriptionTypes.${field}`)} (${t(`consent.purposeForm.language.${lang}`)})`}
          value={draft[field][lang]}
          onChange={(e) => setDraft({ ...draft, [field]: { ...draft[field], [lang]: e.target.value } })}
          multiline={field === 'description'}
        />
      ))}
    </Box>
  );
  return (
    <FormDialog
      open
      id="subscription-type"
      title={t(type ? 'consent.subscriptionTypes.editTitle' : 'consent.subscriptionTypes.newTitle')}
      onSubmit={submit}
      errorText={(failure) =>
        t(failure instanceof ValidationError ? 'consent.subscriptionTypes.invalid' : 'consent.actionFailed')
      }
      onClose={onClose}
    >
      {pair('name')}
      {pair('description')}
      <PurposeField
        label={t('consent.subscriptionTypes.purpose')}
        purposes={purposes}
        value={draft.purposeId}
        onChange={(purposeId) => setDraft({ ...draft, purposeId })}
      />
      <FormControlLabel
        control={
          <Switch
            checked={draft.doubleOptIn}
            onChange={(e) => setDraft({ ...draft, doubleOptIn: e.target.checked })}
          />
        }
        label={t('consent.subscriptionTypes.doubleOptInLabel')}
      />
      <FormControlLabel
        control={
          <Switch checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
        }
        label={t('consent.subscriptionTypes.active')}
      />
    </FormDialog>
  );
}
