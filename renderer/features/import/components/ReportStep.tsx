// Step 6: what happened — created, merged, skipped — and every row that was not imported, by file, row
// and column with the problem (never the cell's value). Imported people await their privacy notice.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TableContainer from '@mui/material/TableContainer';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../../shared/import';
import { formatRoute } from '../../../kit/routing';
import { useFormat } from '../../../kit/useFormat';
import { ColumnTable } from '../../../ui/ColumnTable';
import { useImportStore } from '../stores/import-store';

const MAX_SHOWN = 500;

interface BadRow {
  row: number;
  column?: number;
  problem: string;
  severity: 'error' | 'warning';
}

export function ReportStep() {
  const { t, i18n } = useTranslation();
  const when = useFormat();
  const { report, analysis, file, reset } = useImportStore();
  if (!report || !analysis) return null;
  const format = new Intl.NumberFormat(i18n.language);

  const bad: BadRow[] = [
    ...analysis.issues.map((i) => ({
      row: i.row,
      ...(i.column !== undefined && { column: i.column }),
      problem: t(`import.issues.${i.code}`),
      severity: i.severity,
    })),
    ...report.rejected.map((r) => ({
      row: r.row,
      ...(r.column !== undefined && { column: r.column }),
      problem: t('import.report.refused', { field: r.field }),
      severity: 'error' as const,
    })),
  ].sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  const notImported = analysis.invalidRows + report.rejected.length;

  return (
    <Box>
      <Alert severity="success" sx={{ mb: 2 }} data-testid="import-report">
        {t('import.report.summary', {
          created: t('import.report.created', {
            count: report.created,
            shown: format.format(report.created),
          }),
          merged: format.format(report.merged),
          skipped: format.format(report.skipped),
          organisations: t('import.report.organisations', {
            count: report.organisationsCreated,
            shown: format.format(report.organisationsCreated),
          }),
        })}
      </Alert>
      <Alert severity="warning" sx={{ mb: 2 }}>
        {t('import.report.notInformed', { date: when.date(report.noticeDueBy) })}
      </Alert>
      {bad.length > 0 && (
        <>
          <Typography variant="h3" sx={{ mb: 1 }}>
            {t('import.report.problems', { count: notImported, shown: format.format(notImported) })}
          </Typography>
          <TableContainer sx={{ maxHeight: 400 }}>
            <ColumnTable
              size="small"
              stickyHeader
              label={t('import.report.problemsLabel')}
              rows={bad.slice(0, MAX_SHOWN)}
              rowKey={(_, n) => n}
              columns={[
                { header: t('import.report.file'), cell: () => file?.name },
                { header: t('import.report.row'), cell: (b) => b.row },
                { header: t('import.report.column'), cell: (b) => (b.column ? columnLetter(b.column) : '') },
                {
                  header: t('import.report.problem'),
                  cell: (b) =>
                    `${b.problem}${b.severity === 'warning' ? ` (${t('import.report.kept')})` : ''}`,
                },
              ]}
            />
          </TableContainer>
          {bad.length > MAX_SHOWN && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('import.report.more', { count: bad.length - MAX_SHOWN })}
            </Typography>
          )}
        </>
      )}
      <Box sx={{ mt: 3, display: 'flex', gap: 1 }}>
        <Button variant="contained" href={formatRoute({ name: 'people' })} onClick={reset}>
          {t('import.report.toPeople')}
        </Button>
        <Button onClick={reset}>{t('import.report.another')}</Button>
      </Box>
    </Box>
  );
}
