// "Send confirmation" for a pending double opt-in (issue 17): the core gates and composes the message with
// the person's /c/ link on the organisation's server; it leaves through the desktop's mail server, or as
// an .eml file or mailto: link the user sends. The click comes back by itself (sync/link-clicks.ts).
import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import {
  ConfirmationRefused,
  requestConfirmation,
  type SubscriptionTypePayload,
} from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { FormDialog, FormProblem } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { useOperation } from '../../../kit/useOperation';
import { cancelled } from '../../../kit/useDeliver';
import { linkServerOf } from '../../sync/stores/link-clicks';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useConfirmationSender } from '../hooks/useConfirmationSender';
import { useLocalized } from '../hooks/useLocalized';
import { ConfirmationMailFields, useConfirmationChoices, useMailErrorText } from './ConfirmationMailFields';

interface Props {
  readonly personId: string;
  readonly email: string | null;
  readonly type: Setting<SubscriptionTypePayload>;
  readonly onClose: () => void;
}

export function SendConfirmationDialog({ personId, email, type, onClose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const link = useSyncStore((s) => s.link);
  const { deliveries, needsPassword, sender } = useConfirmationSender();
  const { run } = useOperation(requestConfirmation);
  const choices = useConfirmationChoices(deliveries, 'eml');
  const { language, via, password } = choices;
  const mailErrorText = useMailErrorText();

  const errorText = (error: unknown): string | null => {
    const mail = mailErrorText(error);
    if (mail) return mail;
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
      <ConfirmationMailFields
        choices={choices}
        ways={deliveries}
        wayLabel={(d) => t(`consent.confirmation.deliveries.${d}`)}
        needsPassword={needsPassword}
      />
    </FormDialog>
  );
}
