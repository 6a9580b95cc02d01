// A form's submit button that shows a spinner while busy. Disabled while busy, so a slow key
// derivation cannot be started twice.
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';

interface Props {
  readonly busy: boolean;
  readonly size?: 'medium' | 'large';
  readonly children: ReactNode;
}

export function SubmitButton({ busy, size, children }: Props) {
  return (
    <Button
      type="submit"
      variant="contained"
      size={size}
      disabled={busy}
      startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
    >
      {children}
    </Button>
  );
}
