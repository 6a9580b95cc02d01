// A loaded list as a user meets it: a named spinner while it loads, the failure said as an alert, the
// empty state when nothing is there, and the table with its rows once something is.
import { render, screen, within } from '@testing-library/react';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { describe, expect, it } from 'vitest';
import { LoadedTable } from '../../../../renderer/ui/LoadedTable';

const NAMES = ['Annelies Verbeek', 'Bram de Wit'];

const show = (status: 'loading' | 'failed' | 'ready', names: readonly string[]) =>
  render(
    <LoadedTable
      status={status}
      count={names.length}
      loadingLabel="Loading"
      failedText="The list could not be loaded."
      emptyState={<p>Nobody is due a notice.</p>}
      label="Notices due"
      columns={['Person']}
    >
      {names.map((name) => (
        <TableRow key={name}>
          <TableCell>{name}</TableCell>
        </TableRow>
      ))}
    </LoadedTable>,
  );

describe('LoadedTable', () => {
  it('shows a named spinner while loading, and no table', () => {
    show('loading', []);
    expect(screen.getByRole('progressbar', { name: 'Loading' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says the failure as an alert', () => {
    show('failed', []);
    expect(screen.getByRole('alert').textContent).toBe('The list could not be loaded.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the empty state when the loaded list has no rows', () => {
    show('ready', []);
    expect(screen.getByText('Nobody is due a notice.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the named table with its rows once loaded', () => {
    show('ready', NAMES);
    const rows = within(screen.getByRole('table', { name: 'Notices due' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['Person', ...NAMES]);
    expect(screen.queryByText('Nobody is due a notice.')).toBeNull();
  });
});
