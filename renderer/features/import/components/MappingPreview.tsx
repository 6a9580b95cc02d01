// The first rows as they will be imported, with each row's problems named (column and problem, no value).
import Chip from '@mui/material/Chip';
import TableContainer from '@mui/material/TableContainer';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../shared/import';
import type { MapResult } from '../../../../shared/import';
import { ColumnTable } from '../../../ui/ColumnTable';

export function MappingPreview({ result }: { result: MapResult }) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <ColumnTable
        size="small"
        label={t('import.mapping.preview')}
        testId="import-preview"
        rows={result.candidates}
        rowKey={(c) => c.index}
        rowSx={(c) => (c.valid ? undefined : { bgcolor: 'error.50' })}
        columns={[
          { header: t('import.report.row'), cell: (c) => c.row },
          { header: t('import.fields.givenName'), cell: (c) => c.person.givenName },
          { header: t('import.fields.familyName'), cell: (c) => c.person.familyName },
          { header: t('import.fields.email'), cell: (c) => c.person.emails.map((e) => e.value).join(', ') },
          { header: t('import.fields.phone'), cell: (c) => c.person.phones.map((p) => p.value).join(', ') },
          { header: t('import.fields.organisation'), cell: (c) => c.person.organisationName },
          { header: t('import.fields.city'), cell: (c) => c.person.address?.city ?? '' },
          {
            header: t('import.mapping.problems'),
            cell: (c) =>
              result.issues
                .filter((i) => i.index === c.index)
                .map((issue, n) => (
                  <Chip
                    key={n}
                    size="small"
                    color={issue.severity === 'error' ? 'error' : 'warning'}
                    variant="outlined"
                    sx={{ mr: 0.5 }}
                    label={`${issue.column ? `${columnLetter(issue.column)}: ` : ''}${t(`import.issues.${issue.code}`)}`}
                  />
                )),
          },
        ]}
      />
    </TableContainer>
  );
}
