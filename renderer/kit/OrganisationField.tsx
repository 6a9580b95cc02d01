// Picks the person's organisation from the directory; search runs in memory, so it stays quick with
// thousands of organisations.
import { useTranslation } from 'react-i18next';
import type { Directory, OrganisationRow } from '../../shared/directory';
import { DirectoryPicker } from './DirectoryPicker';

interface Props {
  readonly value: string | null;
  readonly onChange: (organisationId: string | null) => void;
}

const find = (directory: Directory, id: string) => directory.organisation(id);
const search = (directory: Directory, query: string) => directory.searchOrganisations(query);
const nameOf = (row: OrganisationRow) => row.name;

export function OrganisationField({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <DirectoryPicker
      label={t('fields.organisation')}
      noOptionsText={t('fields.noOrganisations')}
      value={value}
      onChange={onChange}
      find={find}
      search={search}
      labelOf={nameOf}
    />
  );
}
