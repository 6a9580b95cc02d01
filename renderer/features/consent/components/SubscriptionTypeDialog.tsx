// Adds or edits a subscription type: its name and description in both languages, the purpose it serves,
// and whether subscribing needs the person's confirmation (double opt-in).
import { useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import { useTranslation } from 'react-i18next';
import { saveSubscriptionType, type SubscriptionTypePayload } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import type { Setting } from '../../../../shared/store';
import { FormDialog } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { LocalizedField } from './LocalizedField';
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
      <LocalizedField
        label={t('consent.subscriptionTypes.name')}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
      />
      <LocalizedField
        label={t('consent.subscriptionTypes.description')}
        value={draft.description}
        onChange={(description) => setDraft({ ...draft, description })}
        multiline
      />
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
