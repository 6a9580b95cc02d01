// A labelled group of checkboxes over a fixed list of options (nature, kinds of data, exemptions).
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';

interface Props<T extends string> {
  readonly label: string;
  readonly options: readonly T[];
  readonly value: readonly T[];
  readonly optionLabel: (option: T) => string;
  readonly onChange: (value: T[]) => void;
  readonly row?: boolean;
}

export function CheckboxGroup<T extends string>({
  label,
  options,
  value,
  optionLabel,
  onChange,
  row,
}: Props<T>) {
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row={row}>
        {options.map((option) => (
          <FormControlLabel
            key={option}
            label={optionLabel(option)}
            control={
              <Checkbox
                checked={value.includes(option)}
                onChange={(e) =>
                  // Kept in the options' order, so the report lists them as the form does.
                  onChange(options.filter((o) => (o === option ? e.target.checked : value.includes(o))))
                }
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
