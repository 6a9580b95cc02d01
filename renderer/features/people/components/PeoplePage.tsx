// The people list: search as you type over the in-memory directory, a count, and a virtualised grid.
import { useDeferredValue, useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import PersonAddAlt1OutlinedIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import PeopleAltOutlinedIcon from '@mui/icons-material/PeopleAltOutlined';
import SearchOffRoundedIcon from '@mui/icons-material/SearchOffRounded';
import { useTranslation } from 'react-i18next';
import { formatRoute, NEW_ID } from '../../../app/routing';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { SearchField } from '../../../ui/SearchField';
import { useDirectoryVersion, useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { usePeopleSearchStore } from '../stores/people-search-store';
import { PeopleGrid } from './PeopleGrid';

export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const { directory } = useUnlockedVault();
  const version = useDirectoryVersion(directory);
  const query = usePeopleSearchStore((s) => s.query);
  const setQuery = usePeopleSearchStore((s) => s.setQuery);
  const deferredQuery = useDeferredValue(query);
  const total = directory.people().length;
  const rows = useMemo(
    () => directory.searchPeople(deferredQuery),
    // version: the directory is mutable; a change must re-run the search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, deferredQuery, version],
  );
  const format = new Intl.NumberFormat(i18n.language);
  const searching = deferredQuery.trim().length > 0;
  const newPerson = (
    <Button
      variant="contained"
      startIcon={<PersonAddAlt1OutlinedIcon />}
      href={formatRoute({ name: 'person', id: NEW_ID })}
    >
      {t('people.newButton')}
    </Button>
  );

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <PageHeader title={t('nav.people')} subtitle={t('people.subtitle')} actions={newPerson} />
      <ProblemsBanner count={directory.problems().length} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <SearchField
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {searching
            ? t('people.countFiltered', {
                count: rows.length,
                shown: format.format(rows.length),
                total: format.format(total),
              })
            : t('people.count', { count: total, shown: format.format(total) })}
        </Typography>
      </Box>
      {total === 0 ? (
        <EmptyState
          icon={<PeopleAltOutlinedIcon />}
          title={t('people.empty.title')}
          description={t('people.empty.description')}
          action={newPerson}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<SearchOffRoundedIcon />}
          title={t('people.noMatch.title', { query: deferredQuery.trim() })}
          description={t('people.noMatch.description')}
        />
      ) : (
        <PeopleGrid rows={rows} directory={directory} dimmed={query !== deferredQuery} />
      )}
    </Box>
  );
}
