// Where a person stands on one right that is a switch (restriction, profiling): the state as a chip with
// the action that changes it, then the ledger of every change, newest first, one line each.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

interface Props<E> {
  readonly state: { readonly label: string; readonly warning: boolean; readonly testId: string };
  readonly action: ReactNode;
  readonly ledgerLabel: string;
  /** Newest first. */
  readonly entries: readonly E[];
  readonly entryKey: (entry: E) => string;
  readonly line: (entry: E) => ReactNode;
}

export function RightState<E>({ state, action, ledgerLabel, entries, entryKey, line }: Props<E>) {
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip color={state.warning ? 'warning' : 'default'} label={state.label} data-testid={state.testId} />
        <Box sx={{ flex: 1 }} />
        {action}
      </Box>
      {entries.length > 0 && (
        <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2.5 }} aria-label={ledgerLabel}>
          {entries.map((entry) => (
            <Typography component="li" variant="body2" key={entryKey(entry)}>
              {line(entry)}
            </Typography>
          ))}
        </Stack>
      )}
    </>
  );
}
