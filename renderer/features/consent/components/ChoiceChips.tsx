// Several choices from a fixed list (data categories, channels) as toggle chips in a labelled group.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import CheckRoundedIcon from '@mui/icons-material/CheckRounded';
import { useId } from 'react';
import { withChoice, type MultiChoiceProps } from '../../../ui/forms/multi-choice';

interface Props<T extends string> extends MultiChoiceProps<T> {
  readonly disabled?: boolean;
  readonly helperText?: string;
}

export function ChoiceChips<T extends string>({
  label,
  options,
  value,
  optionLabel,
  onChange,
  disabled,
  helperText,
}: Props<T>) {
  const id = useId();
  const toggle = (option: T) => onChange(withChoice({ options, value }, option, !value.includes(option)));
  return (
    <Box role="group" aria-labelledby={id}>
      <Typography id={id} variant="body2" color="text.secondary" sx={{ mb: 0.75 }}>
        {label}
      </Typography>
      <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
        {options.map((option) => {
          const selected = value.includes(option);
          return (
            <Chip
              key={option}
              label={optionLabel(option)}
              icon={selected ? <CheckRoundedIcon /> : undefined}
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'filled' : 'outlined'}
              onClick={disabled ? undefined : () => toggle(option)}
              aria-pressed={selected}
              disabled={disabled && !selected}
            />
          );
        })}
      </Box>
      {helperText && <FormHelperText>{helperText}</FormHelperText>}
    </Box>
  );
}
