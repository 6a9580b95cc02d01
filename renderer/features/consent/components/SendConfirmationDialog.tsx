// "Send confirmation" for a pending double opt-in (issue 17): the core gates and composes the message with
// the person's /c/ link on the organisation's server; it leaves through the desktop's mail server, or as
// an .eml file or mailto: link the user sends. The click comes back by itself (sync/link-clicks.ts).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import {
  ConfirmationRefused,
  LinkServerError,
  requestConfirmation,
  type SubscriptionTypePayload,
} from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { FormDialog, FormProblem } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { useOperation } from '../../../kit/useOperation';
import { cancelled } from '../../../kit/useDeliver';
import { SelectField } from '../../../ui/forms/SelectField';
import { linkServerOf } from '../../sync/stores/link-clicks';
import { useSyncStore } from '../../sync/stores/sync-store';
import { MailFailure, useConfirmationSender, type Delivery } from '../hooks/useConfirmationSender';
import { useLocalized } from '../hooks/useLocalized';

interface Props {
  readonly personId: string;
  readonly email: string | null;
  readonly type: Setting<SubscriptionTypePayload>;
  readonly onClose: () => void;
}

const LANGUAGES = ['en', 'nl'] as const;

export function SendConfirmationDialog({ personId, email, type, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const link = useSyncStore((s) => s.link);
  const { deliveries, needsPassword, sender } = useConfirmationSender();
  const { run } = useOperation(requestConfirmation);
  const [language, setLanguage] = useState<'en' | 'nl'>(i18n.language.startsWith('nl') ? 'nl' : 'en');
  const [chosen, setChosen] = useState<Delivery | ''>('');
  const [password, setPassword] = useState('');
  const via = chosen || deliveries?.[0] || 'eml';

  const errorText = (error: unknown): string | null => {
    if (error instanceof MailFailure) return t(`mail.errors.${error.code}`);
    if (error instanceof LinkServerError)
      return error.code === 'offline'
        ? t('consent.confirmation.server.offline')
        : t('consent.confirmation.server.other', { code: error.code });
    if (error instanceof ConfirmationRefused) {
      const { reason } = error;
      return reason === 'not-pending' || reason === 'no-email' || reason === 'no-sender'
        ? t(`consent.confirmation.refused.${reason}`)
        : t('consent.confirmation.refused.gate', {
            reason: t(`consent.exclusion.${reason}`),
            help: t(`consent.exclusionHelp.${reason}`),
          });
    }
    return t('consent.confirmation.failed');
  };

  const submit = async () => {
    if (!link) return;
    try {
      await run({
        personId,
        subscriptionTypeId: type.id,
        language,
        server: linkServerOf(link),
        via,
        send: sender(via, password),
      });
    } catch (error) {
      // A cancelled save dialog sent nothing and needs no words; the dialog stays open.
      throw cancelled(error) ? new FormProblem() : error;
    }
    notify(via === 'smtp' ? t('mail.sent') : t(`consent.confirmation.done.${via}`));
  };

  return (
    <FormDialog
      open
      id="send-confirmation"
      title={t('consent.confirmation.title', { list: localized(type.data.name) })}
      intro={t('consent.confirmation.intro')}
      submitLabel={t('consent.subscriptions.send')}
      canSubmit={!!link && deliveries !== null && !!email}
      onSubmit={submit}
      errorText={errorText}
      onClose={onClose}
    >
      {email ? (
        <Typography variant="body2">{t('consent.confirmation.to', { email })}</Typography>
      ) : (
        <Alert severity="warning">{t('consent.confirmation.refused.no-email')}</Alert>
      )}
      {!link && <Alert severity="info">{t('consent.confirmation.notLinked')}</Alert>}
      <SelectField
        label={t('consent.confirmation.language')}
        value={language}
        onChange={setLanguage}
        options={LANGUAGES}
        labelOf={(l) => t(`consent.confirmation.languages.${l}`)}
      />
      {deliveries === null ? (
        <Typography variant="body2">{t('consent.confirmation.checkingMail')}</Typography>
      ) : (
        <SelectField
          label={t('consent.confirmation.delivery')}
          value={via}
          onChange={setChosen}
          options={deliveries}
          labelOf={(d) => t(`consent.confirmation.deliveries.${d}`)}
          helperText={via === 'eml' ? t('mail.browser.hint') : undefined}
        />
      )}
      {via === 'smtp' && needsPassword && (
        <TextField
          label={t('mail.settings.password')}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      )}
    </FormDialog>
  );
}
