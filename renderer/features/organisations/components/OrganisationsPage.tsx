// The organisations list: the same pattern as people, with a head count per organisation.
import { useMemo } from 'react';
import AddBusinessOutlinedIcon from '@mui/icons-material/AddBusinessOutlined';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../../shared/directory';
import { NEW_ID } from '../../../kit/routing';
import { ExportListButton } from '../../import/export/ExportListButton';
import { SubjectListPage } from '../../subjects/components/SubjectListPage';
import { useSubjectSearch } from '../../subjects/hooks/useSubjectSearch';
import { useWorkspace } from '../../../kit/workspace';
import { useOrganisationSearchStore } from '../stores/organisation-search-store';
import { OrganisationsGrid } from './OrganisationsGrid';
import { RouteButton } from '../../../kit/RouteButton';

const searchOrganisations = (directory: Directory, query: string) => directory.searchOrganisations(query);

export function OrganisationsPage() {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const search = useSubjectSearch(useOrganisationSearchStore, directory, searchOrganisations);
  const { rows, version, dimmed } = search;
  const headcount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const person of directory.people()) {
      if (person.organisationId)
        counts.set(person.organisationId, (counts.get(person.organisationId) ?? 0) + 1);
    }
    return counts;
    // version: the directory is mutable; a change must re-run this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [directory, version]);
  const newOrganisation = (
    <RouteButton
      variant="contained"
      icon={<AddBusinessOutlinedIcon />}
      to={{ name: 'organisation', id: NEW_ID }}
    >
      {t('organisations.newButton')}
    </RouteButton>
  );

  return (
    <SubjectListPage
      list="organisations"
      newButton={
        <>
          <ExportListButton list={{ kind: 'organisation', ids: rows.map((r) => r.id) }} />
          {newOrganisation}
        </>
      }
      emptyIcon={<ApartmentOutlinedIcon />}
      problems={directory.problems().length}
      search={search}
      total={directory.organisations().length}
    >
      <OrganisationsGrid rows={rows} headcount={headcount} dimmed={dimmed} />
    </SubjectListPage>
  );
}
