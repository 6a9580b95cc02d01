// The outputs of a saved breach: the authority's report (HTML to print, JSON to keep) in English or
// Dutch, and, when the risk is high, the Art. 34 letters. Each saved file is audited; a cancelled save is not.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import {
  exportBreach,
  hostTimeZone,
  lettersDue,
  type BreachExportFormat,
  type BreachPayload,
  type ReportLanguage,
} from '../../../../shared/breach';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { FormSection } from '../../../ui/FormSection';
import { useWorkspace } from '../../../kit/workspace';

interface Props {
  readonly id: string;
  /** The stored breach (exports never include unsaved edits). */
  readonly saved: BreachPayload;
  readonly dirty: boolean;
}

export function BreachExports({ id, saved, dirty }: Props) {
  const { t, i18n } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const deliver = useDeliver(t('breach.exports.title'));
  const [language, setLanguage] = useState<ReportLanguage>(i18n.language.startsWith('nl') ? 'nl' : 'en');
  const [busy, setBusy] = useState(false);

  const save = async (format: BreachExportFormat) => {
    setBusy(true);
    try {
      const { savedAs } = await exportBreach(session, actor, {
        id,
        format,
        language,
        timeZone: hostTimeZone(),
        now: Date.now(),
        deliver,
      });
      notify(t('breach.exports.saved', { name: savedAs }));
    } catch (error) {
      if (!cancelled(error)) notify(t('breach.exports.failed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  const letters = lettersDue(saved) && saved.affectedSubjectIds.length > 0;
  return (
    <FormSection title={t('breach.exports.title')} description={t('breach.exports.help')}>
      {dirty && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('breach.exports.saveFirst')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={t('breach.exports.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as ReportLanguage)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="nl">Nederlands</MenuItem>
          <MenuItem value="en">English</MenuItem>
        </TextField>
        <Button variant="contained" disabled={busy} onClick={() => void save('html')}>
          {t('breach.exports.html')}
        </Button>
        <Button variant="outlined" disabled={busy} onClick={() => void save('json')}>
          {t('breach.exports.json')}
        </Button>
        <Button variant="outlined" disabled={busy || !letters} onClick={() => void save('letters')}>
          {t('breach.exports.letters', { count: saved.affectedSubjectIds.length })}
        </Button>
      </Box>
    </FormSection>
  );
}
