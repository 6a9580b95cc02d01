// A day, a time or both in the browser's own box ("YYYY-MM-DD", "HH:MM", "YYYY-MM-DDTHH:MM"), optionally
// bounded. Its label always sits above the box: the box shows its own placeholder, which a resting label
// would cover.
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type Props = Omit<TextFieldProps, 'type' | 'value' | 'onChange' | 'slotProps'> & {
  /** A day (the default), a time of day, or a day and a time. */
  readonly type?: 'date' | 'time' | 'datetime-local';
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The earliest value that may be picked, in the box's own form. */
  readonly min?: string;
  /** The latest value that may be picked, in the box's own form. */
  readonly max?: string;
};

export function DateField({ type = 'date', value, onChange, min, max, ...field }: Props) {
  return (
    <TextField
      {...field}
      type={type}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{
        inputLabel: { shrink: true },
        ...(min !== undefined || max !== undefined ? { htmlInput: { min, max } } : {}),
      }}
    />
  );
}
