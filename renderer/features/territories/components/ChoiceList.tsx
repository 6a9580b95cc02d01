// A titled group of checkboxes: pick any of the options (teams, members, managers).
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';

interface Props {
  readonly title: string;
  /** Said when there is nothing to pick. */
  readonly empty: string;
  readonly options: readonly { readonly id: string; readonly label: string }[];
  readonly chosen: readonly string[];
  readonly onChange: (chosen: string[]) => void;
}

export function ChoiceList({ title, empty, options, chosen, onChange }: Props) {
  const toggle = (id: string) =>
    onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  return (
    <FormGroup role="group" aria-label={title}>
      <FormLabel component="legend">{title}</FormLabel>
      {options.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {empty}
        </Typography>
      )}
      {options.map((option) => (
        <FormControlLabel
          key={option.id}
          control={<Checkbox checked={chosen.includes(option.id)} onChange={() => toggle(option.id)} />}
          label={option.label}
        />
      ))}
    </FormGroup>
  );
}
