// A person's or organisation's page in two columns on a laptop-wide screen: the details form on the
// left and what the CRM holds about them (timeline, tasks, deals, privacy…) beside it, so the tabs are
// in view on opening instead of a long scroll below the form. Narrower screens stack the two.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

interface Props {
  readonly children: ReactNode;
  /** The subject's panels; absent for a new record. */
  readonly aside?: ReactNode;
}

export function SubjectLayout({ children, aside }: Props) {
  if (!aside) return <>{children}</>;
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 5fr) minmax(0, 4fr)' },
        alignItems: 'start',
        columnGap: 3,
      }}
    >
      <Box sx={{ minWidth: 0 }}>{children}</Box>
      <Box sx={{ minWidth: 0, '& > .MuiPaper-root': { mt: { lg: 0 } } }}>{aside}</Box>
    </Box>
  );
}
