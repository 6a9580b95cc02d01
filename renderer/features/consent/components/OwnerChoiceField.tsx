// Picks an account owner for a bulk reassignment: the current user, the organisation's members the admin
// has listed, and everyone who already owns a record; a user id may also be typed.
import { useMemo } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';

interface Props {
  readonly value: string;
  readonly onChange: (ownerId: string) => void;
}

export function OwnerChoiceField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const { userId } = useCurrentUser();
  const members = useSyncStore((s) => s.members);
  const label = useOwnerLabel();
  const options = useMemo(() => {
    const ids = new Set<string>([userId, ...(members ?? []).map((m) => m.id)]);
    for (const row of [...directory.people(), ...directory.organisations()])
      if (row.ownerId) ids.add(row.ownerId);
    return [...ids];
    // version: the directory is mutable; a change must re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [directory, version, userId, members]);
  return (
    <Autocomplete<string, false, false, true>
      freeSolo
      options={options}
      value={value || null}
      onChange={(_, id) => onChange(id ?? '')}
      onInputChange={(_, text, reason) => reason === 'input' && onChange(text)}
      getOptionLabel={(id) => (options.includes(id) ? `${label(id)} (${id.slice(0, 8)})` : id)}
      renderInput={(params) => (
        <TextField {...params} label={t('reports.owner.label')} helperText={t('reports.owner.bulkHelp')} />
      )}
    />
  );
}
