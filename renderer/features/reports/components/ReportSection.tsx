// One report: its name, what it counts, its chart (described for screen readers, which read the table
// below it instead of the drawing) and its table.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../../shared/reports';
import { ReportTableView } from './ReportTableView';

interface Props {
  readonly table: ReportTable;
  readonly chart?: ReactNode;
}

export function ReportSection({ table, chart }: Props) {
  const { t } = useTranslation();
  const headingId = `report-${table.id}`;
  return (
    <Card component="section" aria-labelledby={headingId} sx={{ p: 2.5, display: 'grid', gap: 1.5 }}>
      <Box>
        <Typography variant="h2" id={headingId}>
          {table.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t(`reports.help.${table.id}`)}
        </Typography>
      </Box>
      {chart && table.rows.length > 0 && (
        <Box role="img" aria-label={`${table.title}. ${t('reports.chart.described')}`}>
          {/* inert: the chart's focusable marks are hidden with it; the table below is what is read. */}
          <Box aria-hidden inert>
            {chart}
          </Box>
        </Box>
      )}
      <ReportTableView table={table} />
    </Card>
  );
}
