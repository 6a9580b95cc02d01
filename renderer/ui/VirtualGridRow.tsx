// One row of VirtualGrid. Memoised, with static styles and only its position inline: while scrolling,
// React renders just the rows that come into view and no new CSS rules are generated.
import { memo } from 'react';
import { styled } from '@mui/material/styles';
import type { GridColumn } from './VirtualGrid';

const RowElement = styled('div')(({ theme }) => ({
  position: 'absolute',
  top: 0,
  left: 0,
  width: '100%',
  display: 'grid',
  cursor: 'pointer',
  borderBottom: `1px solid ${theme.palette.divider}`,
  outline: 'none',
  '&:hover': { backgroundColor: theme.palette.action.hover },
  '&:focus-visible': {
    backgroundColor: theme.palette.action.selected,
    boxShadow: `inset 3px 0 0 ${theme.palette.primary.main}`,
  },
}));

export const GridCell = styled('div')({
  padding: '0 16px',
  minWidth: 0,
  display: 'flex',
  alignItems: 'center',
  overflow: 'hidden',
});

interface Props<Row> {
  readonly row: Row;
  readonly index: number;
  readonly start: number;
  readonly size: number;
  readonly tabbable: boolean;
  readonly columns: readonly GridColumn<Row>[];
  readonly template: string;
  readonly onOpen: (row: Row) => void;
  readonly onActivate: (index: number) => void;
}

function VirtualGridRowInner<Row>({
  row,
  index,
  start,
  size,
  tabbable,
  columns,
  template,
  onOpen,
  onActivate,
}: Props<Row>) {
  return (
    <RowElement
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => {
        onActivate(index);
        onOpen(row);
      }}
      onFocus={() => onActivate(index)}
      style={{ height: size, transform: `translateY(${start}px)`, gridTemplateColumns: template }}
    >
      {columns.map((column) => (
        <GridCell key={column.id} role="gridcell">
          {column.render(row)}
        </GridCell>
      ))}
    </RowElement>
  );
}

// memo() loses the type parameter; the cast restores it.
export const VirtualGridRow = memo(VirtualGridRowInner) as typeof VirtualGridRowInner;
