// The organisations list: the same pattern as people, with a head count per organisation.
import { useDeferredValue, useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import AddBusinessOutlinedIcon from '@mui/icons-material/AddBusinessOutlined';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import SearchOffRoundedIcon from '@mui/icons-material/SearchOffRounded';
import { useTranslation } from 'react-i18next';
import { formatRoute, NEW_ID } from '../../../app/routing';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { SearchField } from '../../../ui/SearchField';
import { useDirectoryVersion, useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { useOrganisationSearchStore } from '../stores/organisation-search-store';
import { OrganisationsGrid } from './OrganisationsGrid';

export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const { directory } = useUnlockedVault();
  const version = useDirectoryVersion(directory);
  const query = useOrganisationSearchStore((s) => s.query);
  const setQuery = useOrganisationSearchStore((s) => s.setQuery);
  const deferredQuery = useDeferredValue(query);
  const total = directory.organisations().length;
  // version: the directory is mutable; a change must re-run these.
  /* eslint-disable react-hooks/exhaustive-deps */
  const rows = useMemo(
    () => directory.searchOrganisations(deferredQuery),
    [directory, deferredQuery, version],
  );
  const headcount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const person of directory.people()) {
      if (person.organisationId)
        counts.set(person.organisationId, (counts.get(person.organisationId) ?? 0) + 1);
    }
    return counts;
  }, [directory, version]);
  /* eslint-enable react-hooks/exhaustive-deps */
  const format = new Intl.NumberFormat(i18n.language);
  const searching = deferredQuery.trim().length > 0;
  const newOrganisation = (
    <Button
      variant="contained"
      startIcon={<AddBusinessOutlinedIcon />}
      href={formatRoute({ name: 'organisation', id: NEW_ID })}
    >
      {t('organisations.newButton')}
    </Button>
  );

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <PageHeader
        title={t('nav.organisations')}
        subtitle={t('organisations.subtitle')}
        actions={newOrganisation}
      />
      <ProblemsBanner count={directory.problems().length} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <SearchField
          label={t('organisations.search')}
          placeholder={t('organisations.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {searching
            ? t('organisations.countFiltered', {
                count: rows.length,
                shown: format.format(rows.length),
                total: format.format(total),
              })
            : t('organisations.count', { count: total, shown: format.format(total) })}
        </Typography>
      </Box>
      {total === 0 ? (
        <EmptyState
          icon={<ApartmentOutlinedIcon />}
          title={t('organisations.empty.title')}
          description={t('organisations.empty.description')}
          action={newOrganisation}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<SearchOffRoundedIcon />}
          title={t('organisations.noMatch.title', { query: deferredQuery.trim() })}
          description={t('organisations.noMatch.description')}
        />
      ) : (
        <OrganisationsGrid rows={rows} headcount={headcount} dimmed={query !== deferredQuery} />
      )}
    </Box>
  );
}
