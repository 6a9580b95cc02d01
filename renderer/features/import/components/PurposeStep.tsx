// Step 3: where the data came from and why it is held. The source (import, this file, the date obtained)
// goes on every person; the purpose and lawful basis are recorded with the batch. People imported are
// not yet informed: Art. 14 gives one month from the date obtained to send them the privacy notice.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { noticeDueBy } from '../../../../shared/import';
import { useFormat } from '../../../kit/useFormat';
import { useWorkspace } from '../../../kit/workspace';
import { usePurposes } from '../hooks/useImportSettings';
import { useImportStore } from '../stores/import-store';
import { LAWFUL_BASES, type LawfulBasis } from '../../../../shared/purposes';
import { DateField } from '../../../ui/forms/DateField';

const OTHER = 'other';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function PurposeStep() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { workspace: session, directory } = useWorkspace();
  const purposes = usePurposes(session);
  const { file, obtainedOn, purpose, setObtainedOn, setPurpose, setStep, analyse } = useImportStore();
  const lang = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const registered = purposes ?? [];
  const selected = purpose.purposeId ?? (purpose.name !== undefined ? OTHER : '');
  const validDate = DATE.test(obtainedOn) && obtainedOn <= new Date().toISOString().slice(0, 10);
  const ready = validDate && !!purpose.name?.trim() && !!purpose.lawfulBasis;

  const choose = (id: string) => {
    const found = registered.find((p) => p.id === id);
    if (found)
      setPurpose({
        purposeId: found.id,
        name: found.data.name[lang] || found.data.name.en || found.data.name.nl,
        lawfulBasis: found.data.lawfulBasis,
      });
    else setPurpose({ name: '', lawfulBasis: undefined });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 560 }}>
      <TextField
        label={t('import.purpose.source')}
        value={t('import.purpose.sourceValue', { file: file?.name ?? '' })}
        slotProps={{ input: { readOnly: true } }}
      />
      <DateField
        label={t('import.purpose.obtainedOn')}
        value={obtainedOn}
        onChange={setObtainedOn}
        error={!validDate}
        helperText={validDate ? t('import.purpose.obtainedOnHelp') : t('import.purpose.obtainedOnInvalid')}
      />
      {registered.length > 0 && (
        <TextField
          select
          label={t('import.purpose.purpose')}
          value={selected}
          onChange={(e) => choose(e.target.value)}
        >
          {registered.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.data.name[lang] || p.data.name.en || p.data.name.nl} —{' '}
              {t(`import.bases.${p.data.lawfulBasis}`)}
            </MenuItem>
          ))}
          <MenuItem value={OTHER}>{t('import.purpose.other')}</MenuItem>
        </TextField>
      )}
      {/* Nothing until the register has loaded: a free-text field shown meanwhile was replaced by the
          register's list as it arrived, under the user's typing (and a test's). */}
      {purposes === null && <LinearProgress aria-label={t('import.purpose.purpose')} />}
      {purposes !== null && (registered.length === 0 || selected === OTHER) && (
        <>
          <TextField
            label={t('import.purpose.name')}
            value={purpose.name ?? ''}
            onChange={(e) => setPurpose({ ...purpose, purposeId: undefined, name: e.target.value })}
            helperText={t('import.purpose.nameHelp')}
          />
          <TextField
            select
            label={t('import.purpose.basis')}
            value={purpose.lawfulBasis ?? ''}
            onChange={(e) => setPurpose({ ...purpose, lawfulBasis: e.target.value as LawfulBasis })}
          >
            {LAWFUL_BASES.map((basis) => (
              <MenuItem key={basis} value={basis}>
                {t(`import.bases.${basis}`)}
              </MenuItem>
            ))}
          </TextField>
        </>
      )}
      {validDate && (
        <Alert severity="info">
          {t('import.purpose.noticeDue', { date: format.date(noticeDueBy(obtainedOn)) })}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={() => setStep('mapping')}>{t('import.back')}</Button>
        <Button
          variant="contained"
          disabled={!ready}
          onClick={() => {
            setStep('duplicates');
            void analyse(directory);
          }}
        >
          {t('import.next')}
        </Button>
      </Box>
    </Box>
  );
}
