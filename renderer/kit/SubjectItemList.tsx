// A tab of a person's or organisation's page listing their items of one kind (deals, cases): "New …" for
// this subject, then each item as a link with its state beside it, or a line saying there are none.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { formatRoute, type Route } from './routing';
import { RouteButton } from './RouteButton';

export interface SubjectItemRow {
  readonly id: string;
  readonly route: Route;
  readonly title: string;
  readonly secondary?: string;
  /** Beside the item: its state (chips). */
  readonly state: ReactNode;
}

interface Props {
  readonly newRoute: Route;
  readonly newLabel: string;
  readonly emptyText: string;
  /** The list's accessible name. */
  readonly label: string;
  readonly rows: readonly SubjectItemRow[];
}

export function SubjectItemList({ newRoute, newLabel, emptyText, label, rows }: Props) {
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <RouteButton to={newRoute}>{newLabel}</RouteButton>
      </Box>
      {!rows.length ? (
        <Typography color="text.secondary" role="status" sx={{ py: 2 }}>
          {emptyText}
        </Typography>
      ) : (
        <List aria-label={label}>
          {rows.map((row) => (
            <ListItem key={row.id} divider secondaryAction={row.state}>
              <ListItemText
                primary={
                  <Link href={formatRoute(row.route)} underline="hover">
                    {row.title}
                  </Link>
                }
                secondary={row.secondary}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
