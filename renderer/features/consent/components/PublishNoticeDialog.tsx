// Publishes a new privacy notice version: a version label not used before, the date, an optional address
// where it is published, and the text in English and Dutch.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { publishNotice, type PrivacyNoticePayload } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import type { Setting } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { localIsoDay } from '../dates';

interface Props {
  readonly existing: readonly Setting<PrivacyNoticePayload>[];
  readonly onClose: () => void;
}

/** "3" after "2", "1.1" after "1.0"; "1" for the first. */
const nextVersion = (existing: readonly Setting<PrivacyNoticePayload>[]): string => {
  const latest = existing[0]?.data.version;
  if (!latest) return '1';
  const match = /^(.*?)(\d+)$/.exec(latest);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${latest}-2`;
};

export function PublishNoticeDialog({ existing, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const [version, setVersion] = useState(() => nextVersion(existing));
  const [publishedOn, setPublishedOn] = useState(() => localIsoDay(Date.now()));
  const [url, setUrl] = useState('');
  const [text, setText] = useState({
    en: existing[0]?.data.text.en ?? '',
    nl: existing[0]?.data.text.nl ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (existing.some((n) => n.data.version === version.trim()))
      return setError(t('consent.notices.versionTaken', { version: version.trim() }));
    if (!text.en.trim() && !text.nl.trim()) return setError(t('consent.notices.textRequired'));
    setBusy(true);
    setError(null);
    try {
      const saved = await publishNotice(session, actor, { version, publishedOn, url, text });
      notify(t('consent.notices.published', { version: saved.data.version }));
      onClose();
    } catch (failure) {
      setError(t(failure instanceof ValidationError ? 'consent.notices.invalid' : 'consent.actionFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="publish-notice-title"
      maxWidth="md"
      fullWidth
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="publish-notice-title">{t('consent.notices.publishTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Alert severity="info">{t('consent.notices.publishHelp')}</Alert>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 2fr' } }}>
              <TextField
                label={t('consent.notices.version')}
                value={version}
                onChange={(e) => setVersion(e.target.value)}
                required
              />
              <TextField
                type="date"
                label={t('consent.notices.date')}
                value={publishedOn}
                onChange={(e) => setPublishedOn(e.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
              />
              <TextField
                label={t('consent.notices.url')}
                value={url}
                onChange={(e) => setUrl(e.target.value)}
              />
            </Box>
            {(['en', 'nl'] as const).map((lang) => (
              <TextField
                key={lang}
                label={`${t('consent.notices.text')} (${t(`consent.purposeForm.language.${lang}`)})`}
                value={text[lang]}
                onChange={(e) => setText({ ...text, [lang]: e.target.value })}
                multiline
                minRows={5}
                maxRows={14}
              />
            ))}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <SubmitButton busy={busy}>{t('consent.notices.publish')}</SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
