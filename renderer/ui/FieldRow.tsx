// A row of fields and their button that wraps on a narrow window, tops aligned so a helper text under
// one field does not push the others down.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

interface Props {
  readonly children: ReactNode;
  /** Space above the row, in theme spacing units. */
  readonly mt?: number;
}

export function FieldRow({ children, mt }: Props) {
  return (
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', mt }}>{children}</Box>
  );
}
