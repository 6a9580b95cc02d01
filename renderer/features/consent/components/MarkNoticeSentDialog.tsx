// Records that a person was given a privacy notice version (Art. 13/14): which version, how and when.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { recordNoticeReceipt } from '../../../../shared/consent';
import { NOTICE_METHODS, type NoticeReceiptPayload } from '../../../../shared/consent';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { SelectField } from '../../../ui/forms/SelectField';
import { useActor } from '../hooks/useActor';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { localIsoDay, middayOf } from '../dates';
import { NoticeVersionField } from './NoticeVersionField';
import { DateField } from '../../../ui/forms/DateField';

interface Props {
  readonly personIds: readonly string[];
  /** Shown in the text: one person's name, or a count. */
  readonly who: string;
  readonly settings: ConsentSettings;
  readonly onClose: () => void;
}

type Method = NoticeReceiptPayload['method'];

export function MarkNoticeSentDialog({ personIds, who, settings, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const [noticeId, setNoticeId] = useState(settings.notices[0]?.id ?? '');
  const [method, setMethod] = useState<Method>('email');
  const [today] = useState(() => localIsoDay(Date.now()));
  const [day, setDay] = useState(today);
  const notice = settings.notices.find((n) => n.id === noticeId);
  const submit = async () => {
    refuseIf(!notice, t('consent.noticeSent.chooseVersion'));
    refuseIf(!day || day > today, t('consent.noticeSent.futureDate'));
    if (!notice) return;
    const receivedAt = day === today ? Date.now() : middayOf(day);
    for (const personId of personIds)
      await recordNoticeReceipt(session, workspaceActor, {
        recordedBy: actor,
        personId,
        noticeId: notice.id,
        version: notice.data.version,
        method,
        receivedAt,
      });
    notify(t('consent.noticeSent.saved', { count: personIds.length }));
  };
  return (
    <FormDialog
      open
      id="notice-sent"
      title={t('consent.noticeSent.title')}
      intro={t('consent.noticeSent.body', { who })}
      submitLabel={t('consent.noticeSent.submit')}
      maxWidth="xs"
      onSubmit={submit}
      errorText={() => t('consent.actionFailed')}
      onClose={onClose}
    >
      {!settings.notices.length && <Alert severity="warning">{t('consent.noticeSent.noVersions')}</Alert>}
      <NoticeVersionField
        label={t('consent.noticeSent.version')}
        notices={settings.notices}
        value={noticeId}
        onChange={setNoticeId}
      />
      <SelectField
        label={t('consent.noticeSent.method')}
        value={method}
        onChange={setMethod}
        options={NOTICE_METHODS}
        labelOf={(m) => t(`consent.noticeMethods.${m}`)}
      />
      <DateField label={t('consent.noticeSent.date')} value={day} onChange={setDay} max={today} />
    </FormDialog>
  );
}
