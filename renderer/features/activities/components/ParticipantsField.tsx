// Who else took part: people picked from the directory, searched in memory as you type.
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../shared/directory';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

const MAX_OPTIONS = 30;

interface Props {
  readonly value: readonly string[];
  readonly onChange: (ids: string[]) => void;
}

export function ParticipantsField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const [input, setInput] = useState('');
  const selected = useMemo(
    () => value.map((id) => directory.person(id)).filter((p): p is PersonRow => !!p),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, value, version],
  );
  const options = useMemo(
    () => (input.trim() ? directory.searchPeople(input).slice(0, MAX_OPTIONS) : []),
    // version: the directory is mutable; a change must refresh the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, input, version],
  );
  return (
    <Autocomplete<PersonRow, true>
      multiple
      options={options}
      value={selected}
      onChange={(_, rows) => onChange(rows.map((r) => r.id))}
      inputValue={input}
      onInputChange={(_, text) => setInput(text)}
      filterOptions={(rows) => rows}
      getOptionLabel={(row) => row.displayName}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={t('activities.participantsHint')}
      renderInput={(params) => <TextField {...params} label={t('activities.fields.participants')} />}
    />
  );
}
