// Picks a person from the directory (searched in memory), for linking a deal or case to them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Directory, PersonRow } from '../../shared/directory';
import { DirectoryPicker } from './DirectoryPicker';

interface Props {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (personId: string | null) => void;
  /** Offer this organisation's people first. */
  readonly organisationId?: string | null;
}

const find = (directory: Directory, id: string) => directory.person(id);
const nameOf = (row: PersonRow) => row.displayName;

export function PersonField({ label, value, onChange, organisationId }: Props) {
  const { t } = useTranslation();
  const search = useCallback(
    (directory: Directory, query: string) => {
      const found = directory.searchPeople(query);
      if (!organisationId) return found;
      const colleagues = found.filter((p) => p.organisationId === organisationId);
      return [...colleagues, ...found.filter((p) => p.organisationId !== organisationId)];
    },
    [organisationId],
  );
  return (
    <DirectoryPicker
      label={label}
      noOptionsText={t('deals.fields.noPeople')}
      value={value}
      onChange={onChange}
      find={find}
      search={search}
      labelOf={nameOf}
    />
  );
}
