// Picks one row of the directory (a person, an organisation) by typing: the search runs in memory, so it
// stays quick with thousands of rows, and follows the directory as it changes.
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { Directory } from '../../shared/directory';
import { useDirectoryVersion, useWorkspace } from './workspace';

const MAX_OPTIONS = 50;

export interface DirectoryPickerProps<R extends { readonly id: string }> {
  readonly label: string;
  readonly noOptionsText: string;
  readonly value: string | null;
  readonly onChange: (id: string | null) => void;
  readonly find: (directory: Directory, id: string) => R | undefined;
  /** The rows matching what was typed, best first. */
  readonly search: (directory: Directory, query: string) => readonly R[];
  readonly labelOf: (row: R) => string;
}

export function DirectoryPicker<R extends { readonly id: string }>({
  label,
  noOptionsText,
  value,
  onChange,
  find,
  search,
  labelOf,
}: DirectoryPickerProps<R>) {
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const [input, setInput] = useState('');
  const selected = (value && find(directory, value)) || null;
  const options = useMemo(
    // Typing nothing new after a pick shows every option, not just the picked one.
    () => search(directory, selected && input === labelOf(selected) ? '' : input).slice(0, MAX_OPTIONS),
    // version: the directory is mutable; a change must refresh the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, input, selected, search, version],
  );
  return (
    <Autocomplete<R>
      options={options}
      value={selected}
      onChange={(_, row) => onChange(row?.id ?? null)}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      filterOptions={(rows) => rows}
      getOptionLabel={labelOf}
      getOptionKey={(row) => row.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={noOptionsText}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}
