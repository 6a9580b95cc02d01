// One section of a subject's panel: a named region with its heading and, where given, a line on what it
// is for, then its content.
import type { ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

interface Props {
  /** The heading's id, which names the region. */
  readonly id: string;
  readonly title: ReactNode;
  readonly intro?: ReactNode;
  readonly children: ReactNode;
}

export function PanelSection({ id, title, intro, children }: Props) {
  return (
    <Stack spacing={1.5} component="section" aria-labelledby={id}>
      <Typography variant="h2" id={id}>
        {title}
      </Typography>
      {intro && (
        <Typography variant="body2" color="text.secondary">
          {intro}
        </Typography>
      )}
      {children}
    </Stack>
  );
}
