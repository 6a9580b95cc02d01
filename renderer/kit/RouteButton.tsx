// A button that goes to another screen (a new record, the drill): a link by its address, so it opens the
// way links do, with an icon before its words (a plus unless told otherwise).
import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import AddIcon from '@mui/icons-material/Add';
import { formatRoute, type Route } from './routing';

interface Props {
  readonly to: Route;
  readonly icon?: ReactNode;
  readonly variant?: 'text' | 'outlined' | 'contained';
  readonly children: ReactNode;
}

export function RouteButton({ to, icon = <AddIcon />, variant, children }: Props) {
  return (
    <Button variant={variant} startIcon={icon} href={formatRoute(to)}>
      {children}
    </Button>
  );
}
