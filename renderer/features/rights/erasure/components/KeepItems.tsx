// The items of an erasure the admin may keep under one Art. 17(3) exception, with the reason and the
// date until which they are kept.
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DateField } from '../../../../ui/forms/DateField';
import { SelectField } from '../../../../ui/forms/SelectField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PreviewItem } from '../../../../../shared/erasure';
import { ART17_EXCEPTIONS, type Art17Exception } from '../../../../../shared/erasure';
import { kindLabel } from '../certificate-export';
import { useFormat } from '../../../../kit/useFormat';

export interface KeepChoice {
  readonly itemIds: readonly string[];
  readonly exception: Art17Exception;
  readonly note: string;
  readonly retainUntil: string;
}

interface Props {
  readonly items: readonly PreviewItem[];
  readonly value: KeepChoice;
  readonly onChange: (value: KeepChoice) => void;
  readonly disabled: boolean;
  readonly noteMissing: boolean;
}

export function KeepItems({ items, value, onChange, disabled, noteMissing }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const toggle = (id: string, checked: boolean) =>
    onChange({
      ...value,
      itemIds: checked ? [...value.itemIds, id] : value.itemIds.filter((i) => i !== id),
    });
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h3">
        {t('erasure.keepTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {items.length ? t('erasure.keepHelp') : t('erasure.noItems')}
      </Typography>
      {items.map((item) => (
        <FormControlLabel
          key={item.id}
          disabled={disabled}
          control={
            <Checkbox
              checked={value.itemIds.includes(item.id)}
              onChange={(e) => toggle(item.id, e.target.checked)}
            />
          }
          label={`${kindLabel(t, item.kind)} · ${format.date(item.updatedAt)}${
            item.label ? ` · ${item.label}` : ''
          }`}
        />
      ))}
      {value.itemIds.length > 0 && (
        <Stack spacing={2} sx={{ pt: 1 }}>
          <SelectField
            label={t('erasure.exception')}
            value={value.exception}
            disabled={disabled}
            onChange={(exception) => onChange({ ...value, exception })}
            options={ART17_EXCEPTIONS}
            labelOf={(exception) => t(`erasure.exceptions.${exception}`)}
          />
          <TextField
            label={t('erasure.note')}
            value={value.note}
            disabled={disabled}
            required
            error={noteMissing}
            helperText={noteMissing ? t('erasure.noteRequired') : undefined}
            onChange={(e) => onChange({ ...value, note: e.target.value })}
          />
          <DateField
            label={t('erasure.retainUntil')}
            value={value.retainUntil}
            disabled={disabled}
            onChange={(retainUntil) => onChange({ ...value, retainUntil })}
          />
        </Stack>
      )}
    </Stack>
  );
}
