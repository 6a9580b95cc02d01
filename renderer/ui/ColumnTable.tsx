// A table declared by its columns: each column names its header and how a row fills its cell, so a screen
// lists what it shows once instead of writing a header row and a body row that must stay in step. A
// column given as false or null is left out (e.g. an actions column only admins see).
import type { ReactNode } from 'react';
import type { SxProps, Theme } from '@mui/material/styles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

export interface Column<R> {
  readonly header: ReactNode;
  readonly cell: (row: R, index: number) => ReactNode;
  /** Both the header and the cells (numbers and actions sit on the right). */
  readonly align?: 'right';
  /** The cells' style (e.g. no wrapping for a date). */
  readonly sx?: SxProps<Theme>;
}

export interface ColumnTableProps<R> {
  /** The table's accessible name. */
  readonly label?: string;
  readonly columns: readonly (Column<R> | false | null)[];
  readonly rows: readonly R[];
  readonly rowKey: (row: R, index: number) => string | number;
  /** A row's own style (e.g. dimmed when inactive, tinted when invalid). */
  readonly rowSx?: (row: R) => SxProps<Theme> | undefined;
  readonly size?: 'small' | 'medium';
  /** The header stays in view while a framed table scrolls. */
  readonly stickyHeader?: boolean;
  readonly testId?: string;
  /** Said in one full-width row when there are no rows. */
  readonly empty?: ReactNode;
}

export function ColumnTable<R>({
  label,
  columns,
  rows,
  rowKey,
  rowSx,
  size,
  stickyHeader,
  testId,
  empty,
}: ColumnTableProps<R>) {
  const shown = columns.filter((c): c is Column<R> => c !== false && c !== null);
  return (
    <Table size={size} stickyHeader={stickyHeader} aria-label={label} data-testid={testId}>
      <TableHead>
        <TableRow>
          {shown.map((column, i) => (
            <TableCell key={i} align={column.align}>
              {column.header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 && empty && (
          <TableRow>
            <TableCell colSpan={shown.length}>{empty}</TableCell>
          </TableRow>
        )}
        {rows.map((row, n) => (
          <TableRow key={rowKey(row, n)} sx={rowSx?.(row)}>
            {shown.map((column, i) => (
              <TableCell key={i} align={column.align} sx={column.sx}>
                {column.cell(row, n)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
