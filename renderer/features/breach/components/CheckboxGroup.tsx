// A labelled group of checkboxes over a fixed list of options (nature, kinds of data, exemptions).
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import { withChoice, type MultiChoiceProps } from '../../../ui/forms/multi-choice';

interface Props<T extends string> extends MultiChoiceProps<T> {
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
                onChange={(e) => onChange(withChoice({ options, value }, option, e.target.checked))}
              />
            }
          />
        ))}
      </FormGroup>
    </FormControl>
  );
}
