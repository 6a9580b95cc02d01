// The people list: search as you type over the in-memory directory, a count, and a virtualised grid.
// "Export this list" goes through the purpose gate, which leaves out (and names) whoever may not be used.
import { useMemo } from 'react';
import PersonAddAlt1OutlinedIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import UploadFileOutlinedIcon from '@mui/icons-material/UploadFileOutlined';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../../shared/directory';
import { NEW_ID } from '../../../kit/routing';
import { ExportListButton } from '../../import/export/ExportListButton';
import { SubjectListPage } from '../../subjects/components/SubjectListPage';
import { useSubjectSearch } from '../../subjects/hooks/useSubjectSearch';
import { useWorkspace } from '../../../kit/workspace';
import { usePeopleSearchStore } from '../stores/people-search-store';
import { PeopleGrid } from './PeopleGrid';
import { RouteButton } from '../../../kit/RouteButton';
import { FirstSyncProgress } from '../../sync/components/FirstSyncProgress';

const searchPeople = (directory: Directory, query: string) => directory.searchPeople(query);

export function PeoplePage() {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const search = useSubjectSearch(usePeopleSearchStore, directory, searchPeople);
  const { rows, dimmed } = search;
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const newPerson = (
    <RouteButton variant="contained" icon={<PersonAddAlt1OutlinedIcon />} to={{ name: 'person', id: NEW_ID }}>
      {t('people.newButton')}
    </RouteButton>
  );

  return (
    <SubjectListPage
      list="people"
      newButton={
        <>
          <ExportListButton list={{ kind: 'person', ids }} />
          {newPerson}
        </>
      }
      // A new vault's first step is usually the spreadsheet the customers are in today.
      emptyActions={
        <Stack direction="row" spacing={1.5} sx={{ justifyContent: 'center', flexWrap: 'wrap' }}>
          {newPerson}
          <RouteButton variant="outlined" icon={<UploadFileOutlinedIcon />} to={{ name: 'import' }}>
            {t('people.empty.import')}
          </RouteButton>
        </Stack>
      }
      emptyIcon={<PeopleAltOutlinedIcon />}
      problems={directory.problems().length}
      search={search}
      total={directory.people().length}
      progress={<FirstSyncProgress />}
    >
      <PeopleGrid rows={rows} directory={directory} dimmed={dimmed} />
    </SubjectListPage>
  );
}
