// A table with a header row of column names and the caller's rows as its body. A column given as false
// or null is left out (e.g. an actions column only admins see); '' gives an empty header cell. A list
// page's table says so below its header when it has no rows.
import type { ReactNode } from 'react';
import Card from '@mui/material/Card';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

export interface DataTableProps {
  /** The table's accessible name. */
  readonly label?: string;
  /** The id of the heading that names the table, instead of `label`. */
  readonly labelledBy?: string;
  readonly columns: readonly (ReactNode | false | null)[];
  /** Header cells before the named columns (e.g. a select-all checkbox, or sortable columns). */
  readonly leading?: ReactNode;
  readonly size?: 'small' | 'medium';
  /** The table on a card, or in an outlined scrolling frame (a list page). */
  readonly frame?: 'card' | 'outlined';
  /** Said below the header when there are no rows; false or null while there are. */
  readonly empty?: string | false | null;
  readonly children: ReactNode;
}

export function DataTable({
  label,
  labelledBy,
  columns,
  leading,
  size,
  frame,
  empty,
  children,
}: DataTableProps) {
  const table = (
    <Table size={size} aria-label={label} aria-labelledby={labelledBy}>
      <TableHead>
        <TableRow>
          {leading}
          {columns.map((column, i) =>
            column === false || column === null ? null : <TableCell key={i}>{column}</TableCell>,
          )}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
  const emptyText = empty && (
    <Typography role="status" color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
      {empty}
    </Typography>
  );
  if (frame === 'outlined')
    return (
      <TableContainer component={Paper} variant="outlined">
        {table}
        {emptyText}
      </TableContainer>
    );
  if (frame === 'card')
    return (
      <Card>
        {table}
        {emptyText}
      </Card>
    );
  return (
    <>
      {table}
      {emptyText}
    </>
  );
}
