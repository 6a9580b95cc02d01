// A report's figures as a table: the text alternative of its chart, and exactly what the saved workbook
// holds (both are made from the same ReportTable).
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../../shared/reports';

export function ReportTableView({ table }: { table: ReportTable }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  if (!table.rows.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('reports.chart.empty')}
      </Typography>
    );
  return (
    <TableContainer>
      <Table size="small" aria-label={table.title} data-report={table.id}>
        <TableHead>
          <TableRow>
            {table.columns.map((column) => (
              <TableCell key={column} scope="col">
                {column}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((cell, c) => (
                <TableCell key={c} align={typeof cell === 'number' ? 'right' : 'left'}>
                  {typeof cell === 'number' ? format.format(cell) : cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
