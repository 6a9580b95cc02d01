// Picks the person's organisation from the directory; search runs in memory, so it stays quick with
// thousands of organisations.
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../shared/directory';
import { useDirectoryVersion, useWorkspace } from './workspace';

const MAX_OPTIONS = 50;

interface Props {
  readonly value: string | null;
  readonly onChange: (organisationId: string | null) => void;
}

export function OrganisationField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const [input, setInput] = useState('');
  const selected = (value && directory.organisation(value)) || null;
  const options = useMemo(
    () =>
      directory.searchOrganisations(selected && input === selected.name ? '' : input).slice(0, MAX_OPTIONS),
    // version: the directory is mutable; a change must refresh the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, input, selected, version],
  );
  return (
    <Autocomplete<OrganisationRow>
      options={options}
      value={selected}
      onChange={(_, row) => onChange(row?.id ?? null)}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      filterOptions={(rows) => rows}
      getOptionLabel={(row) => row.name}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={t('fields.noOrganisations')}
      renderInput={(params) => <TextField {...params} label={t('fields.organisation')} />}
    />
  );
}
