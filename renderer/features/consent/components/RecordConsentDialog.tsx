// Records a consent for one person (Art. 7(1): demonstrable — who, when, how, and which privacy notice they
// were shown), with evidence as text, a reference or an attached file, and an optional expiry.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AttachFileRoundedIcon from '@mui/icons-material/AttachFileRounded';
import { useTranslation } from 'react-i18next';
import { evidenceFile, recordConsent } from '../../../../shared/consent';
import { EVIDENCE_FILE_MAX_BYTES, type EvidenceFile } from '../../../../shared/consent';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { NoticeVersionField } from './NoticeVersionField';
import { PurposeField } from './PurposeField';
import { usePlatform } from '../../../platform/platform-context';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { endOfLocalDay, localIsoDay } from '../dates';
import type { ConsentMethod } from '../../../../shared/purposes';
import { ConsentMethodField } from './ConsentMethodField';
import { DateField } from '../../../ui/forms/DateField';

interface Props {
  readonly open: boolean;
  readonly personId: string;
  readonly settings: ConsentSettings;
  /** The purpose to record for; the user may pick another consent purpose. */
  readonly purposeId?: string;
  /** 'renewed' when the person's consent is currently given. */
  readonly type?: 'given' | 'renewed';
  /** How consent is most likely given where the dialog opens (e.g. a business card). */
  readonly defaultMethod?: ConsentMethod;
  readonly onClose: () => void;
}

const MAX_UPLOAD = 20 * 1024 * 1024;

export function RecordConsentDialog({
  open,
  personId,
  settings,
  purposeId,
  type = 'given',
  defaultMethod = 'web_form',
  onClose,
}: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const platform = usePlatform();
  const actor = useActor();
  const format = useFormatters();
  const consentPurposes = settings.purposes.filter((p) => p.data.lawfulBasis === 'consent' && p.data.active);
  const latestNotice = settings.notices[0] ?? null;
  const [purpose, setPurpose] = useState(purposeId ?? consentPurposes[0]?.id ?? '');
  const [method, setMethod] = useState<ConsentMethod>(defaultMethod);
  const [noticeId, setNoticeId] = useState(latestNotice?.id ?? '');
  const [text, setText] = useState('');
  const [reference, setReference] = useState('');
  const [file, setFile] = useState<EvidenceFile | null>(null);
  const [expiry, setExpiry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const notice = settings.notices.find((n) => n.id === noticeId) ?? null;
  const [today] = useState(() => localIsoDay(Date.now()));

  const attach = async () => {
    const picked = await platform.openFile({ title: t('consent.record.attach'), maxBytes: MAX_UPLOAD });
    if (!picked.ok) {
      setError(t(picked.error === 'too-large' ? 'consent.record.fileTooLarge' : 'consent.record.fileFailed'));
      return;
    }
    if (!picked.value) return;
    setFile(await evidenceFile(picked.value.name, '', picked.value.bytes));
  };

  const submit = async () => {
    setError(null);
    refuseIf(!purpose, t('consent.record.choosePurpose'));
    refuseIf(expiry && expiry <= today, t('consent.record.expiryPast'));
    await recordConsent(session, workspaceActor, {
      recordedBy: actor,
      personId,
      purposeId: purpose,
      type,
      method,
      noticeId: notice?.id ?? null,
      noticeVersion: notice?.data.version ?? '',
      evidence: { text, reference, file },
      expiresAt: expiry ? endOfLocalDay(expiry) : null,
    });
    notify(t('consent.record.saved'));
  };

  return (
    <FormDialog
      open={open}
      id="record-consent"
      title={t(type === 'renewed' ? 'consent.record.renewTitle' : 'consent.record.title')}
      submitLabel={t('consent.record.submit')}
      onSubmit={submit}
      errorText={() => t('consent.record.failed')}
      error={error}
      onClose={onClose}
    >
      <PurposeField
        label={t('consent.record.purpose')}
        purposes={consentPurposes}
        value={purpose}
        onChange={setPurpose}
        disabled={!!purposeId}
      />
      <ConsentMethodField label={t('consent.record.method')} value={method} onChange={setMethod} />
      <NoticeVersionField
        label={t('consent.record.notice')}
        notices={settings.notices}
        value={noticeId}
        onChange={setNoticeId}
        emptyLabel={t('consent.record.noNoticeOption')}
        helperText={
          notice
            ? t('consent.record.noticeHelp', { date: format.date(notice.data.publishedOn) })
            : t('consent.record.noNotice')
        }
      />
      <Typography variant="subtitle2">{t('consent.record.evidence')}</Typography>
      <TextField
        label={t('consent.record.evidenceText')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        multiline
        minRows={2}
        helperText={t('consent.record.evidenceTextHelp')}
      />
      <TextField
        label={t('consent.record.evidenceReference')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
        helperText={t('consent.record.evidenceReferenceHelp')}
      />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button startIcon={<AttachFileRoundedIcon />} onClick={() => void attach()}>
          {t('consent.record.attach')}
        </Button>
        {file && (
          <Chip
            label={t('consent.record.attached', { name: file.name })}
            onDelete={() => setFile(null)}
            title={file.contentBase64 === null ? t('consent.record.hashOnly') : undefined}
          />
        )}
        {file && file.size > EVIDENCE_FILE_MAX_BYTES && (
          <Typography variant="caption" color="text.secondary">
            {t('consent.record.hashOnly')}
          </Typography>
        )}
      </Box>
      <DateField
        label={t('consent.record.expiry')}
        value={expiry}
        onChange={setExpiry}
        helperText={t('consent.record.expiryHelp')}
        min={today}
      />
    </FormDialog>
  );
}
