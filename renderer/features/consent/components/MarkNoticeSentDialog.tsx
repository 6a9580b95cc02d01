// Records that a person was given a privacy notice version (Art. 13/14): which version, how and when.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { recordNoticeReceipt } from '../../../../shared/consent';
import { NOTICE_METHODS, type NoticeReceiptPayload } from '../../../../shared/consent';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { localIsoDay, middayOf } from '../dates';

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
  const { workspace: session } = useWorkspace();
  const actor = useActor();
  const [noticeId, setNoticeId] = useState(settings.notices[0]?.id ?? '');
  const [method, setMethod] = useState<Method>('email');
  const [today] = useState(() => localIsoDay(Date.now()));
  const [day, setDay] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = settings.notices.find((n) => n.id === noticeId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!notice) return setError(t('consent.noticeSent.chooseVersion'));
    if (!day || day > today) return setError(t('consent.noticeSent.futureDate'));
    setBusy(true);
    setError(null);
    try {
      const receivedAt = day === today ? Date.now() : middayOf(day);
      for (const personId of personIds)
        await recordNoticeReceipt(session, actor, personId, {
          noticeId: notice.id,
          version: notice.data.version,
          method,
          receivedAt,
        });
      notify(t('consent.noticeSent.saved', { count: personIds.length }));
      onClose();
    } catch {
      setError(t('consent.actionFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="notice-sent-title"
      maxWidth="xs"
      fullWidth
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="notice-sent-title">{t('consent.noticeSent.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{t('consent.noticeSent.body', { who })}</DialogContentText>
            {!settings.notices.length && (
              <Alert severity="warning">{t('consent.noticeSent.noVersions')}</Alert>
            )}
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              select
              label={t('consent.noticeSent.version')}
              value={noticeId}
              onChange={(e) => setNoticeId(e.target.value)}
            >
              {settings.notices.map((n) => (
                <MenuItem key={n.id} value={n.id}>
                  {t('consent.notices.versionLabel', { version: n.data.version })}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('consent.noticeSent.method')}
              value={method}
              onChange={(e) => setMethod(e.target.value as Method)}
            >
              {NOTICE_METHODS.map((m) => (
                <MenuItem key={m} value={m}>
                  {t(`consent.noticeMethods.${m}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              type="date"
              label={t('consent.noticeSent.date')}
              value={day}
              onChange={(e) => setDay(e.target.value)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('consent.noticeSent.submit')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
