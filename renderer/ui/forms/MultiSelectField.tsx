// A drop-down of fixed choices where several may be chosen: each choice a value, shown by the words
// `labelOf` gives it. MUI hands a multiple select's value back untyped; it is read here once.
import type { ReactNode } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

interface Props<V extends string> {
  readonly label: string;
  readonly value: readonly V[];
  readonly onChange: (value: V[]) => void;
  readonly options: readonly V[];
  readonly labelOf: (value: V) => ReactNode;
  readonly helperText?: ReactNode;
  readonly error?: boolean;
}

export function MultiSelectField<V extends string>({
  value,
  onChange,
  options,
  labelOf,
  ...field
}: Props<V>) {
  return (
    <TextField
      select
      {...field}
      value={value}
      // MUI types the event's value as a string; a multiple select's is the array of chosen values.
      onChange={(e) => onChange(e.target.value as unknown as V[])}
      slotProps={{ select: { multiple: true } }}
    >
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {labelOf(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
