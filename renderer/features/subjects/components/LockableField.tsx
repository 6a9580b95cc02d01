// Wraps a field group that a restriction of processing (Art. 18) may make read-only. A disabled fieldset
// disables every input, select and button inside, whatever component draws them; pointer events are off
// too, so chips' delete icons cannot be clicked either. The save path refuses such a change anyway.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

export function LockableField({
  locked,
  children,
}: {
  readonly locked: boolean;
  readonly children: ReactNode;
}) {
  return (
    <Box
      component="fieldset"
      disabled={locked}
      data-locked={locked || undefined}
      sx={{
        border: 0,
        p: 0,
        m: 0,
        minWidth: 0,
        ...(locked ? { opacity: 0.6, pointerEvents: 'none' } : {}),
      }}
    >
      {children}
    </Box>
  );
}
