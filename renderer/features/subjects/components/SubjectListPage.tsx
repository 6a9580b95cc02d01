// The frame of the people and organisations lists: header with a New button, problems banner, search
// with a live count, and either the grid or an empty state that says why nothing is shown.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import SearchOffRoundedIcon from '@mui/icons-material/SearchOffRounded';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { ProblemsBanner } from '../../../ui/ProblemsBanner';
import { SearchField } from '../../../ui/SearchField';
import type { Team } from '../../../../shared/teams';
import type { OwnerChoice } from '../search-store';
import { OwnerFilter } from './OwnerFilter';
import { DirectoryLoading } from './DirectoryLoading';

interface Props {
  /** Which list: its words are its own keys (`people.*` or `organisations.*`, the title `nav.*`). */
  readonly list: 'people' | 'organisations';
  readonly newButton: ReactNode;
  /** What the empty list offers instead of the header's actions (say, New and Import); those by default. */
  readonly emptyActions?: ReactNode;
  readonly emptyIcon: ReactNode;
  readonly problems: number;
  /** Where the search stands, as useSubjectSearch tells it: `deferredQuery` is what `rows` are for. */
  readonly search: {
    readonly query: string;
    readonly setQuery: (query: string) => void;
    readonly deferredQuery: string;
    readonly rows: readonly unknown[];
    /** The owner filter, when the list offers one (useSubjectSearch does). */
    readonly owner?: OwnerChoice;
    readonly setOwner?: (owner: OwnerChoice) => void;
    readonly owners?: readonly string[];
    readonly teams?: readonly Team[];
  };
  readonly total: number;
  /** Shown beside the count while more rows are on their way (a first sync's progress). */
  readonly progress?: ReactNode;
  /** The grid, shown when there are rows to show. */
  readonly children: ReactNode;
}

export function SubjectListPage({
  list,
  newButton,
  emptyActions,
  emptyIcon,
  problems,
  search: { query, setQuery, deferredQuery, rows, owner, setOwner, owners = [], teams },
  total,
  progress,
  children,
}: Props) {
  const matched = rows.length;
  const { t, i18n } = useTranslation();
  const texts = {
    title: t(`nav.${list}`),
    subtitle: t(`${list}.subtitle`),
    search: t(`${list}.search`),
    searchPlaceholder: t(`${list}.searchPlaceholder`),
    count: (values: { count: number; shown: string }) => t(`${list}.count`, values),
    countFiltered: (values: { count: number; shown: string; total: string }) =>
      t(`${list}.countFiltered`, values),
    emptyTitle: t(`${list}.empty.title`),
    emptyDescription: t(`${list}.empty.description`),
    noMatchTitle: (values: { query: string }) => t(`${list}.noMatch.title`, values),
    noMatchDescription: t(`${list}.noMatch.description`),
  };
  const format = new Intl.NumberFormat(i18n.language);
  const searching = deferredQuery.trim().length > 0;
  const filtered = searching || (owner ?? 'all') !== 'all';

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <PageHeader title={texts.title} subtitle={texts.subtitle} actions={newButton} />
      <ProblemsBanner count={problems} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <SearchField
          label={texts.search}
          placeholder={texts.searchPlaceholder}
          value={query}
          onChange={setQuery}
        />
        {owner && setOwner && <OwnerFilter value={owner} onChange={setOwner} owners={owners} teams={teams} />}
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {filtered
            ? texts.countFiltered({
                count: matched,
                shown: format.format(matched),
                total: format.format(total),
              })
            : texts.count({ count: total, shown: format.format(total) })}
        </Typography>
        <DirectoryLoading />
        {progress}
      </Box>
      {total === 0 ? (
        <EmptyState
          icon={emptyIcon}
          title={texts.emptyTitle}
          description={texts.emptyDescription}
          action={emptyActions ?? newButton}
        />
      ) : matched === 0 ? (
        <EmptyState
          icon={<SearchOffRoundedIcon />}
          title={texts.noMatchTitle({ query: deferredQuery.trim() })}
          description={texts.noMatchDescription}
        />
      ) : (
        children
      )}
    </Box>
  );
}
