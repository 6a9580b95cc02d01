// The organisation on a business card: typed freely; an existing organisation of that name is offered and
// used, otherwise saving creates it.
import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

const MAX_OPTIONS = 20;

interface Props {
  readonly value: string;
  readonly onChange: (name: string) => void;
}

export function CardOrganisationField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const options = useMemo(
    () =>
      value.trim()
        ? directory
            .searchOrganisations(value)
            .slice(0, MAX_OPTIONS)
            .map((o) => o.name)
        : [],
    // version: the directory is mutable; a change must refresh the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, value, version],
  );
  const exists = options.some((name) => name.toLowerCase() === value.trim().toLowerCase());
  return (
    <Autocomplete
      freeSolo
      options={options}
      filterOptions={(o) => o}
      inputValue={value}
      onInputChange={(_, text) => onChange(text)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('fields.organisationName')}
          helperText={
            value.trim()
              ? t(exists ? 'consent.capture.organisationExists' : 'consent.capture.organisationNew')
              : t('consent.capture.organisationHelp')
          }
        />
      )}
    />
  );
}
