// Where the data came from (GDPR Art. 14): the method, a description and the date it was obtained.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { DateField } from './DateField';
import { SelectField } from './SelectField';
import { useTranslation } from 'react-i18next';
import { SourceMethod } from '../../../shared/people';
import type { SourceDraft } from './drafts';

interface Props {
  readonly value: SourceDraft;
  readonly onChange: (value: SourceDraft) => void;
  readonly errorText: (path: string) => string | undefined;
}

export function SourceFields({ value, onChange, errorText }: Props) {
  const { t } = useTranslation();
  const fromPerson = value.method === 'collected_from_person';
  const descriptionError = errorText('source.description');
  const dateError = errorText('source.obtainedOn');
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' } }}>
      <SelectField
        label={t('source.method')}
        value={value.method}
        onChange={(method) => onChange({ ...value, method })}
        options={SourceMethod.options}
        labelOf={(method) => t(`source.methods.${method}`)}
        error={!!errorText('source.method')}
        helperText={fromPerson ? t('source.fromPersonHelp') : t('source.otherHelp')}
      />
      <DateField
        label={t('source.obtainedOn')}
        value={value.obtainedOn}
        onChange={(obtainedOn) => onChange({ ...value, obtainedOn })}
        error={!!dateError}
        helperText={dateError}
      />
      <TextField
        label={t('source.description')}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.target.value })}
        error={!!descriptionError}
        helperText={descriptionError ?? t('source.descriptionHelp')}
        sx={{ gridColumn: '1 / -1' }}
      />
    </Box>
  );
}
