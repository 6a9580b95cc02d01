// A drop-down of fixed choices: each choice is a value, shown by the words `labelOf` gives it.
import type { ReactNode } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

interface Props<V extends string> {
  readonly label: string;
  /** The form field's name. */
  readonly name?: string;
  /** '' shows nothing chosen yet (or the empty choice, when there is one). */
  readonly value: V | '';
  readonly onChange: (value: V) => void;
  readonly options: readonly V[];
  readonly labelOf: (value: V) => ReactNode;
  /** A choice before the others that is not one of them (e.g. "none"), with the value ''. */
  readonly emptyLabel?: ReactNode;
  readonly helperText?: ReactNode;
  readonly error?: boolean;
  readonly disabled?: boolean;
  readonly required?: boolean;
  readonly size?: 'small' | 'medium';
  readonly fullWidth?: boolean;
  readonly sx?: SxProps<Theme>;
}

export function SelectField<V extends string>({
  value,
  onChange,
  options,
  labelOf,
  emptyLabel,
  ...field
}: Props<V>) {
  return (
    <TextField select {...field} value={value} onChange={(e) => onChange(e.target.value as V)}>
      {emptyLabel !== undefined && <MenuItem value="">{emptyLabel}</MenuItem>}
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {labelOf(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
