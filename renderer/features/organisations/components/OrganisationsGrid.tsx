// The organisations list's columns: name (with website), email, phone, people, tags.
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../../../shared/directory/rows';
import { navigate } from '../../../app/routing';
import { SubjectAvatar } from '../../../ui/SubjectAvatar';
import { TagChips } from '../../../ui/TagChips';
import { VirtualGrid, type GridColumn } from '../../../ui/VirtualGrid';

/** Module-level, so the memoised grid rows never see a new function. */
const openRow = (row: OrganisationRow) => navigate({ name: 'organisation', id: row.id });

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  readonly rows: readonly OrganisationRow[];
  /** People per organisation id. */
  readonly headcount: ReadonlyMap<string, number>;
  readonly dimmed: boolean;
}

export function OrganisationsGrid({ rows, headcount, dimmed }: Props) {
  const { t } = useTranslation();
  const columns = useMemo<GridColumn<OrganisationRow>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        width: 'minmax(220px, 2.2fr)',
        render: (row) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
            <SubjectAvatar id={row.id} name={row.name} square />
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600, ...ellipsis }}>
                {row.name}
              </Typography>
              {row.website && (
                <Typography variant="caption" color="text.secondary" component="div" sx={ellipsis}>
                  {row.website}
                </Typography>
              )}
            </Box>
          </Box>
        ),
      },
      {
        id: 'email',
        header: t('fields.email'),
        width: 'minmax(180px, 2fr)',
        render: (row) => (
          <Typography variant="body2" color="text.secondary" sx={ellipsis}>
            {row.email}
          </Typography>
        ),
      },
      {
        id: 'phone',
        header: t('fields.phone'),
        width: 'minmax(130px, 1.2fr)',
        render: (row) => (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ ...ellipsis, fontVariantNumeric: 'tabular-nums' }}
          >
            {row.phone}
          </Typography>
        ),
      },
      {
        id: 'people',
        header: t('organisations.people'),
        width: 'minmax(90px, 0.7fr)',
        render: (row) => (
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {headcount.get(row.id) ?? 0}
          </Typography>
        ),
      },
      {
        id: 'tags',
        header: t('fields.tags'),
        width: 'minmax(120px, 1.3fr)',
        render: (row) => <TagChips tags={row.tags} />,
      },
    ],
    [t, headcount],
  );
  return (
    <VirtualGrid
      label={t('organisations.listLabel')}
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      onOpen={openRow}
      scrollKey="organisations"
      dimmed={dimmed}
    />
  );
}
