// The sentence at the top of a privacy tab saying what it is for, with the tab's actions beside it: the
// main one ("add", "publish") given as `add` for those who may use it, others as they are.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';

interface AddAction {
  readonly label: string;
  readonly icon?: ReactNode;
  readonly onClick: () => void;
}

interface Props {
  readonly text: string;
  readonly action?: ReactNode;
  /** The tab's main action; false for those who may not take it. */
  readonly add?: AddAction | false;
}

export function TabIntro({ text, action, add }: Props) {
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 280, maxWidth: 760 }}>
        {text}
      </Typography>
      {(action || add) && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          {action}
          {add && (
            <Button variant="contained" startIcon={add.icon} onClick={add.onClick}>
              {add.label}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
