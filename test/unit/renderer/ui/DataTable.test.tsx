// The table as a screen reader and a user meet it: named, with a header row of the columns given (a
// column left out for this user is not there), and the caller's rows below.
import { render, screen, within } from '@testing-library/react';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { describe, expect, it } from 'vitest';
import { DataTable } from '../../../../renderer/ui/DataTable';

const RULES = [
  { name: 'Prospects after 24 months', months: 24 },
  { name: 'Event contacts after 12 months', months: 12 },
];

function Rules({ admin }: { admin: boolean }) {
  return (
    <DataTable label="Retention rules" size="small" columns={['Name', 'Period', admin && '']}>
      {RULES.map((rule) => (
        <TableRow key={rule.name}>
          <TableCell>{rule.name}</TableCell>
          <TableCell>{rule.months} months</TableCell>
          {admin && <TableCell>Edit</TableCell>}
        </TableRow>
      ))}
    </DataTable>
  );
}

const texts = (cells: HTMLElement[]) => cells.map((c) => c.textContent);

describe('DataTable', () => {
  it('is named, heads each column and lists the rows under it', () => {
    render(<Rules admin />);
    const table = screen.getByRole('table', { name: 'Retention rules' });
    const [head, ...rows] = within(table).getAllByRole('row');
    expect(texts(within(head!).getAllByRole('columnheader'))).toEqual(['Name', 'Period', '']);
    expect(rows.map((r) => texts(within(r).getAllByRole('cell')))).toEqual([
      ['Prospects after 24 months', '24 months', 'Edit'],
      ['Event contacts after 12 months', '12 months', 'Edit'],
    ]);
  });

  it('leaves out a column given as false', () => {
    render(<Rules admin={false} />);
    const [head] = within(screen.getByRole('table', { name: 'Retention rules' })).getAllByRole('row');
    expect(texts(within(head!).getAllByRole('columnheader'))).toEqual(['Name', 'Period']);
  });

  it('says so below the header when a list has no rows, and not while it has some', () => {
    const { rerender } = render(
      <DataTable label="Cases" columns={['Subject']} frame="outlined" empty={false}>
        <TableRow>
          <TableCell>Leaking roof</TableCell>
        </TableRow>
      </DataTable>,
    );
    expect(screen.queryByRole('status')).toBeNull();
    rerender(
      <DataTable label="Cases" columns={['Subject']} frame="outlined" empty="No cases match these filters.">
        {[]}
      </DataTable>,
    );
    expect(screen.getByRole('status').textContent).toBe('No cases match these filters.');
    expect(within(screen.getByRole('table', { name: 'Cases' })).getAllByRole('row')).toHaveLength(1);
  });
});
