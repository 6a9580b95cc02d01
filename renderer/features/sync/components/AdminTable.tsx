// One list on the admin's Devices and users: its heading (which names the table), what went wrong
// reading it, a spinner until it is read, then the table.
import { useId, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { DataTable } from '../../../ui/DataTable';

interface Props {
  readonly title: string;
  /** The failure to show, already in words; null when there is none. */
  readonly error: string | null;
  /** Whether the rows are read (the table shows only then). */
  readonly loaded: boolean;
  readonly loadingLabel: string;
  readonly columns: readonly ReactNode[];
  /** The rows; anything after the table (a dialog) goes in `after`. */
  readonly children: ReactNode;
  readonly after?: ReactNode;
}

export function AdminTable({ title, error, loaded, loadingLabel, columns, children, after }: Props) {
  const headingId = useId();
  return (
    <Stack spacing={1}>
      <Typography variant="h3" id={headingId} sx={{ fontSize: '1rem', fontWeight: 600 }}>
        {title}
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {!loaded && !error && <CircularProgress size={20} aria-label={loadingLabel} />}
      {loaded && (
        <DataTable size="small" labelledBy={headingId} columns={columns}>
          {children}
        </DataTable>
      )}
      {after}
    </Stack>
  );
}
