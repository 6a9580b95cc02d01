// The columns the people and organisations lists share. Each list picks its own widths, since its other
// columns differ; the cells themselves are the same, so both lists look and read alike.
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import { ellipsis } from '../../ui/ellipsis';
import { TagChips } from '../../ui/TagChips';
import type { GridColumn } from '../../ui/VirtualGrid';

interface SubjectRow {
  readonly email: string;
  readonly phone: string;
  readonly tags: readonly string[];
}

export const emailColumn = <Row extends SubjectRow>(t: TFunction, width: string): GridColumn<Row> => ({
  id: 'email',
  header: t('fields.email'),
  width,
  render: (row) => (
    <Typography variant="body2" color="text.secondary" sx={ellipsis}>
      {row.email}
    </Typography>
  ),
});

export const phoneColumn = <Row extends SubjectRow>(t: TFunction, width: string): GridColumn<Row> => ({
  id: 'phone',
  header: t('fields.phone'),
  width,
  render: (row) => (
    <Typography
      variant="body2"
      color="text.secondary"
      sx={{ ...ellipsis, fontVariantNumeric: 'tabular-nums' }}
    >
      {row.phone}
    </Typography>
  ),
});

export const tagsColumn = <Row extends SubjectRow>(t: TFunction, width: string): GridColumn<Row> => ({
  id: 'tags',
  header: t('fields.tags'),
  width,
  render: (row) => <TagChips tags={row.tags} />,
});
