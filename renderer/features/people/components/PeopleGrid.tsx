// The people list's columns: name (with job title, and a marker when processing is restricted),
// organisation, email, phone, tags.
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../../shared/directory';
import type { PersonRow } from '../../../../shared/directory';
import { navigate } from '../../../kit/routing';
import { ellipsis } from '../../../ui/ellipsis';
import { VirtualGrid, type GridColumn } from '../../../ui/VirtualGrid';
import { RestrictionMarker } from '../../subject-rights/components/RestrictionMarker';
import { useRestrictedIds } from '../../subject-rights/hooks/useRestrictedIds';
import { SubjectNameCell } from '../../subjects/components/SubjectNameCell';
import { emailColumn, phoneColumn, tagsColumn } from '../../subjects/subject-columns';

/** Module-level, so the memoised grid rows never see a new function. */
const openRow = (row: PersonRow) => navigate({ name: 'person', id: row.id });

interface Props {
  readonly rows: readonly PersonRow[];
  readonly directory: Directory;
  readonly dimmed: boolean;
}

export function PeopleGrid({ rows, directory, dimmed }: Props) {
  const { t } = useTranslation();
  const restricted = useRestrictedIds();
  // A Tags column nobody uses stays narrow, so names and phone numbers get the room.
  const anyTags = useMemo(() => rows.some((row) => row.tags.length > 0), [rows]);
  const columns = useMemo<GridColumn<PersonRow>[]>(
    () => [
      {
        id: 'name',
        header: t('fields.name'),
        width: 'minmax(240px, 2.4fr)',
        render: (row) => (
          <SubjectNameCell
            id={row.id}
            name={row.displayName}
            detail={row.jobTitle}
            marker={restricted.has(row.id) ? <RestrictionMarker /> : undefined}
          />
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
      emailColumn(t, 'minmax(180px, 1.9fr)'),
      // Wide enough for "+31 6 12 34 56 78", the longest way a Dutch mobile number is written.
      phoneColumn(t, 'minmax(160px, 0.8fr)'),
      tagsColumn(t, anyTags ? 'minmax(150px, 1.5fr)' : 'minmax(64px, 0.4fr)'),
    ],
    [t, directory, restricted, anyTags],
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
