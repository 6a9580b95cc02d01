// A table with a header row of column names and the caller's rows as its body. A column given as false
// or null is left out (e.g. an actions column only admins see); '' gives an empty header cell.
import type { ReactNode } from 'react';
import Card from '@mui/material/Card';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

export interface DataTableProps {
  /** The table's accessible name. */
  readonly label?: string;
  readonly columns: readonly (ReactNode | false | null)[];
  /** A header cell before the named columns (e.g. a select-all checkbox cell). */
  readonly leading?: ReactNode;
  readonly size?: 'small' | 'medium';
  /** The table on a card of its own. */
  readonly card?: boolean;
  readonly children: ReactNode;
}

export function DataTable({ label, columns, leading, size, card = false, children }: DataTableProps) {
  const table = (
    <Table size={size} aria-label={label}>
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
  return card ? <Card>{table}</Card> : table;
}
