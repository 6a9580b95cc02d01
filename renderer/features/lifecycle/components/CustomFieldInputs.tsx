// The custom fields an admin defined for people or organisations (issue 7.1), as inputs in the form.
// Each says its data category under the field, so whoever types knows why it is held.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { CataloguedKind } from '../../../../shared/processing-record';
import { CUSTOM_VALUE_MAX } from '../../../../shared/processing-record';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useRegisters } from '../hooks/useRegisters';

interface Props {
  readonly kind: CataloguedKind;
  readonly values: Readonly<Record<string, string>>;
  readonly onChange: (values: Readonly<Record<string, string>>) => void;
}

export function CustomFieldInputs({ kind, values, onChange }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const registers = useRegisters();
  const fields = (registers?.customFields ?? []).filter((f) => f.data.entity === kind && f.data.active);
  if (!fields.length) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
      {fields.map((f) => (
        <TextField
          key={f.id}
          label={localized(f.data.label)}
          value={values[f.id] ?? ''}
          onChange={(e) => onChange({ ...values, [f.id]: e.target.value })}
          helperText={t('lifecycle.customFields.heldAs', {
            category: t(`lifecycle.categories.${f.data.category}`),
          })}
          slotProps={{ htmlInput: { maxLength: CUSTOM_VALUE_MAX } }}
        />
      ))}
    </Box>
  );
}
