// A table of rows that are still loading or could not be loaded: a spinner while they load, the failure
// as an alert, an empty state when there are none, and otherwise the table on a card.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import { DataTable, type DataTableProps } from './DataTable';

interface Props extends Omit<DataTableProps, 'frame' | 'empty'> {
  /** Where loading stands (a live query's status). */
  readonly status: 'loading' | 'failed' | 'ready';
  /** How many rows there are: none shows `emptyState` instead of the table. */
  readonly count: number;
  readonly loadingLabel: string;
  readonly failedText: string;
  readonly emptyState: ReactNode;
}

export function LoadedTable({ status, count, loadingLabel, failedText, emptyState, ...table }: Props) {
  if (status === 'loading') return <CircularProgress size={24} aria-label={loadingLabel} />;
  if (status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {failedText}
      </Alert>
    );
  return count ? <DataTable {...table} frame="card" /> : emptyState;
}
