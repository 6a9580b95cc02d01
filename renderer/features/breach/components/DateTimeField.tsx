// A date and time typed in the admin's own time zone and stored as an instant (ms UTC): the 72-hour
// clock must not shift when daylight saving changes or the report is read elsewhere.
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { hostTimeZone, instantToLocalInput, localInputToInstant } from '../../../../shared/breach';

interface Props {
  readonly label: string;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly required?: boolean;
  readonly error?: string | undefined;
  readonly name?: string;
}

export function DateTimeField({ label, value, onChange, required, error, name }: Props) {
  const zone = hostTimeZone();
  const [text, setText] = useState(value === null ? '' : instantToLocalInput(value, zone));
  const [seen, setSeen] = useState(value);
  // Follow a value set from outside (the "now" button, a reload) unless the text already means it.
  if (value !== seen) {
    setSeen(value);
    if (value === null ? text !== '' : localInputToInstant(text, zone) !== value) {
      setText(value === null ? '' : instantToLocalInput(value, zone));
    }
  }
  return (
    <TextField
      type="datetime-local"
      label={label}
      name={name}
      value={text}
      required={required}
      error={Boolean(error)}
      helperText={error ?? zone}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value ? localInputToInstant(e.target.value, zone) : null);
      }}
      slotProps={{ inputLabel: { shrink: true } }}
      size="small"
    />
  );
}
