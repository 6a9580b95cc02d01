// Picks a person from the directory (searched in memory), for linking a deal or case to them.
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../shared/directory';
import { useDirectoryVersion, useWorkspace } from './workspace';

const MAX_OPTIONS = 50;

interface Props {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (personId: string | null) => void;
  /** Offer this organisation's people first. */
  readonly organisationId?: string | null;
}

export function PersonField({ label, value, onChange, organisationId }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const [input, setInput] = useState('');
  const selected = (value && directory.person(value)) || null;
  const options = useMemo(() => {
    const query = selected && input === selected.displayName ? '' : input;
    const found = directory.searchPeople(query);
    if (!organisationId) return found.slice(0, MAX_OPTIONS);
    const colleagues = found.filter((p) => p.organisationId === organisationId);
    return [...colleagues, ...found.filter((p) => p.organisationId !== organisationId)].slice(0, MAX_OPTIONS);
    // version: the directory is mutable; a change must refresh the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [directory, input, selected, organisationId, version]);
  return (
    <Autocomplete<PersonRow>
      options={options}
      value={selected}
      onChange={(_, row) => onChange(row?.id ?? null)}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      filterOptions={(rows) => rows}
      getOptionLabel={(row) => row.displayName}
      getOptionKey={(row) => row.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={t('deals.fields.noPeople')}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}
