// A list of short texts as chips (recipients, security measures...): type and press Enter to add one.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';

interface Props {
  readonly label: string;
  readonly helperText?: string;
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly suggestions?: readonly string[];
  readonly disabled?: boolean;
  readonly error?: boolean;
}

export function TextListField({
  label,
  helperText,
  value,
  onChange,
  suggestions = [],
  disabled,
  error,
}: Props) {
  return (
    <Autocomplete
      multiple
      freeSolo
      autoSelect
      disabled={disabled}
      options={suggestions}
      value={[...value]}
      onChange={(_, next) => onChange([...new Set(next.map((v) => v.trim()).filter(Boolean))])}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
    />
  );
}
