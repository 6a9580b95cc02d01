// A virtualised, keyboard-navigable grid (role="grid"): only the visible rows are in the DOM, so 100,000
// rows scroll as smoothly as 10. Arrow keys, Page Up/Down, Home/End move; Enter or a click opens a row.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';
import { VirtualGridRow } from './VirtualGridRow';

export interface GridColumn<Row> {
  readonly id: string;
  readonly header: string;
  /** A CSS grid track, e.g. "2fr" or "160px". */
  readonly width: string;
  readonly render: (row: Row) => ReactNode;
}

interface Props<Row> {
  readonly label: string;
  readonly rows: readonly Row[];
  readonly columns: readonly GridColumn<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly onOpen: (row: Row) => void;
  readonly rowHeight?: number;
  /** Remembers the scroll position under this name while the page is away. */
  readonly scrollKey?: string;
  readonly dimmed?: boolean;
}

const scrollPositions = new Map<string, number>();

export function VirtualGrid<Row>({
  label,
  rows,
  columns,
  rowKey,
  onOpen,
  rowHeight = 56,
  scrollKey,
  dimmed,
}: Props<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const template = columns.map((c) => c.width).join(' ');
  // TanStack Virtual returns fresh functions every render; this component is not compiler-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialOffset: () => (scrollKey ? (scrollPositions.get(scrollKey) ?? 0) : 0),
    getItemKey: (index) => rowKey(rows[index] as Row),
  });
  const current = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${current}"]`)?.focus();
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && rows[current]) {
      event.preventDefault();
      onOpen(rows[current]);
    }
  };

  const cellSx = { px: 2, minWidth: 0, display: 'flex', alignItems: 'center', overflow: 'hidden' } as const;

  return (
    <Box
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      sx={{
        flex: 1,
        minHeight: 240,
        display: 'flex',
        flexDirection: 'column',
        border: 1,
        borderColor: 'divider',
        borderRadius: 3,
        bgcolor: 'background.paper',
        overflow: 'hidden',
      }}
    >
      <Box
        role="rowgroup"
        sx={{ borderBottom: 1, borderColor: 'divider', scrollbarGutter: 'stable', overflow: 'hidden' }}
      >
        <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: template, height: 42 }}>
          {columns.map((column) => (
            <Box
              key={column.id}
              role="columnheader"
              sx={{
                ...cellSx,
                typography: 'caption',
                fontWeight: 600,
                color: 'text.secondary',
                letterSpacing: '0.04em',
                textTransform: 'uppercase',
              }}
            >
              {column.header}
            </Box>
          ))}
        </Box>
      </Box>
      <Box
        ref={scroller}
        role="rowgroup"
        onKeyDown={onKeyDown}
        onScroll={(e) => scrollKey && scrollPositions.set(scrollKey, e.currentTarget.scrollTop)}
        sx={{
          flex: 1,
          overflow: 'auto',
          scrollbarGutter: 'stable',
          opacity: dimmed ? 0.7 : 1,
          transition: 'opacity 120ms',
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => (
            <VirtualGridRow
              key={item.key}
              row={rows[item.index] as Row}
              index={item.index}
              start={item.start}
              size={item.size}
              tabbable={item.index === current}
              columns={columns}
              template={template}
              onOpen={onOpen}
              onActivate={setActive}
            />
          ))}
        </div>
      </Box>
    </Box>
  );
}
