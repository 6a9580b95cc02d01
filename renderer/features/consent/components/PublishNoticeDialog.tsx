// Publishes a new privacy notice version: a version label not used before, the date, an optional address
// where it is published, and the text in English and Dutch.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { publishNotice, type PrivacyNoticePayload } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import type { Setting } from '../../../../shared/store';
import { FormDialog, refuseIf } from '../../../kit/FormDialog';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { localIsoDay } from '../dates';
import { DateField } from '../../../ui/forms/DateField';

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
  const submit = async () => {
    refuseIf(
      existing.some((n) => n.data.version === version.trim()),
      t('consent.notices.versionTaken', { version: version.trim() }),
    );
    refuseIf(!text.en.trim() && !text.nl.trim(), t('consent.notices.textRequired'));
    const saved = await publishNotice(session, actor, { version, publishedOn, url, text });
    notify(t('consent.notices.published', { version: saved.data.version }));
  };
  return (
    <FormDialog
      open
      id="publish-notice"
      title={t('consent.notices.publishTitle')}
      submitLabel={t('consent.notices.publish')}
      maxWidth="md"
      onSubmit={submit}
      errorText={(failure) =>
        t(failure instanceof ValidationError ? 'consent.notices.invalid' : 'consent.actionFailed')
      }
      onClose={onClose}
    >
      <Alert severity="info">{t('consent.notices.publishHelp')}</Alert>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 2fr' } }}>
        <TextField
          label={t('consent.notices.version')}
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          required
        />
        <DateField label={t('consent.notices.date')} value={publishedOn} onChange={setPublishedOn} />
        <TextField label={t('consent.notices.url')} value={url} onChange={(e) => setUrl(e.target.value)} />
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
    </FormDialog>
  );
}
