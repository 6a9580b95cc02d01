// The people list's columns: name (with job title), organisation, email, phone, tags.
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../../shared/directory/directory';
import type { PersonRow } from '../../../../shared/directory/rows';
import { navigate } from '../../../app/routing';
import { SubjectAvatar } from '../../../ui/SubjectAvatar';
import { TagChips } from '../../../ui/TagChips';
import { VirtualGrid, type GridColumn } from '../../../ui/VirtualGrid';

/** Module-level, so the memoised grid rows never see a new function. */
const openRow = (row: PersonRow) => navigate({ name: 'person', id: row.id });

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props {
  readonly rows: readonly PersonRow[];
  readonly directory: Directory;
  readonly dimmed: boolean;
}

export function PeopleGrid({ rows, directory, dimmed }: Props) {
  const { t } = useTranslation();
  const columns = useMemo<GridColumn<PersonRow>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        width: 'minmax(220px, 1.9fr)',
        render: (row) => (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }}>
            <SubjectAvatar id={row.id} name={row.displayName} />
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600, ...ellipsis }}>
                {row.displayName}
              </Typography>
              {row.jobTitle && (
                <Typography variant="caption" color="text.secondary" component="div" sx={ellipsis}>
                  {row.jobTitle}
                </Typography>
              )}
            </Box>
          </Box>
        ),
      },
      {
        id: 'organisation',
        header: t('fields.organisation'),
        width: 'minmax(140px, 1.6fr)',
        render: (row) => (
          <Typography variant="body2" sx={ellipsis}>
            {directory.organisationName(row.organisationId)}
          </Typography>
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
        width: 'minmax(130px, 1fr)',
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
        id: 'tags',
        header: t('fields.tags'),
        width: 'minmax(150px, 1.5fr)',
        render: (row) => <TagChips tags={row.tags} />,
      },
    ],
    [t, directory],
  );
  return (
    <VirtualGrid
      label={t('people.listLabel')}
      rows={rows}
      columns={columns}
      rowKey={(row) => row.id}
      onOpen={openRow}
      scrollKey="people"
      dimmed={dimmed}
    />
  );
}
