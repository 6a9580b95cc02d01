// A day in the browser's own date box ("YYYY-MM-DD"), optionally bounded. Its label always sits above the
// box: a date box shows its own placeholder, which a resting label would cover.
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type Props = Omit<TextFieldProps, 'type' | 'value' | 'onChange' | 'slotProps'> & {
  readonly value: string;
  readonly onChange: (day: string) => void;
  /** The earliest day that may be picked ("YYYY-MM-DD"). */
  readonly min?: string;
  /** The latest day that may be picked ("YYYY-MM-DD"). */
  readonly max?: string;
};

export function DateField({ value, onChange, min, max, ...field }: Props) {
  return (
    <TextField
      {...field}
      type="date"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{
        inputLabel: { shrink: true },
        ...(min !== undefined || max !== undefined ? { htmlInput: { min, max } } : {}),
      }}
    />
  );
}
