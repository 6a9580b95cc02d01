// The organisations list's columns: name (with website), email, phone, people, tags.
import { useMemo } from 'react';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { OrganisationRow } from '../../../../shared/directory';
import { navigate } from '../../../kit/routing';
import { VirtualGrid, type GridColumn } from '../../../ui/VirtualGrid';
import { SubjectNameCell } from '../../subjects/components/SubjectNameCell';
import { emailColumn, phoneColumn, tagsColumn } from '../../subjects/subject-columns';

/** Module-level, so the memoised grid rows never see a new function. */
const openRow = (row: OrganisationRow) => navigate({ name: 'organisation', id: row.id });

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
        render: (row) => <SubjectNameCell id={row.id} name={row.name} detail={row.website} square />,
      },
      emailColumn(t, 'minmax(180px, 2fr)'),
      phoneColumn(t, 'minmax(130px, 1.2fr)'),
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
      tagsColumn(t, 'minmax(120px, 1.3fr)'),
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
