// Tags as chips: type and press Enter (or leave the field) to add one; suggestions come from existing tags.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly suggestions: readonly string[];
  readonly error?: string | undefined;
}

export function TagsField({ value, onChange, suggestions, error }: Props) {
  const { t } = useTranslation();
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      options={suggestions}
      value={[...value]}
      onChange={(_, next) => onChange([...new Set(next.map((tag) => tag.trim()).filter(Boolean))])}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('fields.tags')}
          placeholder={value.length ? undefined : t('fields.tagsPlaceholder')}
          error={!!error}
          helperText={error}
        />
      )}
    />
  );
}
