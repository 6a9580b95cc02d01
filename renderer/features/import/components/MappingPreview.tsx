// The first rows as they will be imported, with each row's problems named (column and problem, no value).
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../shared/import';
import type { MapResult } from '../../../../shared/import';

export function MappingPreview({ result }: { result: MapResult }) {
  const { t } = useTranslation();
  return (
    <TableContainer>
      <Table size="small" aria-label={t('import.mapping.preview')} data-testid="import-preview">
        <TableHead>
          <TableRow>
            <TableCell>{t('import.report.row')}</TableCell>
            <TableCell>{t('import.fields.givenName')}</TableCell>
            <TableCell>{t('import.fields.familyName')}</TableCell>
            <TableCell>{t('import.fields.email')}</TableCell>
            <TableCell>{t('import.fields.phone')}</TableCell>
            <TableCell>{t('import.fields.organisation')}</TableCell>
            <TableCell>{t('import.fields.city')}</TableCell>
            <TableCell>{t('import.mapping.problems')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.candidates.map((c) => {
            const issues = result.issues.filter((i) => i.index === c.index);
            return (
              <TableRow key={c.index} sx={c.valid ? undefined : { bgcolor: 'error.50' }}>
                <TableCell>{c.row}</TableCell>
                <TableCell>{c.person.givenName}</TableCell>
                <TableCell>{c.person.familyName}</TableCell>
                <TableCell>{c.person.emails.map((e) => e.value).join(', ')}</TableCell>
                <TableCell>{c.person.phones.map((p) => p.value).join(', ')}</TableCell>
                <TableCell>{c.person.organisationName}</TableCell>
                <TableCell>{c.person.address?.city ?? ''}</TableCell>
                <TableCell>
                  {issues.map((issue, n) => (
                    <Chip
                      key={n}
                      size="small"
                      color={issue.severity === 'error' ? 'error' : 'warning'}
                      variant="outlined"
                      sx={{ mr: 0.5 }}
                      label={`${issue.column ? `${columnLetter(issue.column)}: ` : ''}${t(`import.issues.${issue.code}`)}`}
                    />
                  ))}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
